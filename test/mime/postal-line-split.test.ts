// runPostalMime's faster line split (fastReadLine) and per-line hook must give exactly what postal-mime's own
// readLine and the former async hook gave: the same lines, the same parsed messages, the same limits.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import PostalMime from 'postal-mime';
import { fastReadLine, MAX_MIME_BOUNDARIES, MAX_MIME_DEPTH, runPostalMime, type PostalLine } from '../../shared/mime/run-postal-mime.ts';
import { withCoalescingBlob } from '../../shared/mime/coalescing-blob.ts';
import { hasCorpus, readManifest } from '../support/corpus.ts';

interface Internals {
  readLine: () => PostalLine;
  processLine: (line: Uint8Array, isFinal: boolean) => Promise<void>;
  finalize: () => Promise<void>;
  currentNode: unknown;
  textMap: unknown;
  buf: ArrayBuffer;
  av: Uint8Array;
  readPos: number;
}

function lines(bytes: Uint8Array, read: (this: Internals) => PostalLine): { text: string; done: boolean; at: number }[] {
  const state = { buf: bytes.buffer, av: new Uint8Array(bytes.buffer), readPos: 0 } as Internals;
  const out: { text: string; done: boolean; at: number }[] = [];
  while (state.readPos < state.av.length) {
    const line = read.call(state);
    out.push({ text: Buffer.from(line.bytes).toString('latin1'), done: line.done, at: state.readPos });
  }
  return out;
}

/** runPostalMime as it was before: postal-mime's own readLine, an async hook around every line. */
async function formerRun(bytes: Uint8Array) {
  const parser = new PostalMime({ forceRfc822Attachments: true, maxNestingDepth: MAX_MIME_DEPTH });
  const internals = parser as unknown as Internals;
  let truncated = false;
  const processLine = internals.processLine;
  const finalize = internals.finalize;
  let boundaries = 0;
  internals.processLine = async function (line, isFinal) {
    if (!truncated) {
      const node = internals.currentNode;
      try {
        await processLine.call(parser, line, isFinal);
        if (internals.currentNode !== node && ++boundaries >= MAX_MIME_BOUNDARIES) truncated = true;
        return;
      } catch (error) {
        if (!(error instanceof Error && /nesting depth|header size/i.test(error.message))) throw error;
        truncated = true;
      }
    }
    if (isFinal) await finalize.call(parser);
  };
  const email = await withCoalescingBlob(() => parser.parse(bytes.slice().buffer));
  const groups = [...(internals.textMap as Map<unknown, { plain?: { type: string; value: string }[]; html?: { type: string; value: string }[] }>).values()].map((e) => ({
    plain: (e.plain ?? []).filter((i) => i.type === 'text').map((i) => i.value),
    html: (e.html ?? []).filter((i) => i.type === 'text').map((i) => i.value),
  }));
  return { email, groups, truncated };
}

async function same(bytes: Uint8Array): Promise<unknown> {
  const [now, before] = await Promise.all([runPostalMime(bytes.slice()).catch((e: Error) => ({ error: e.message })), formerRun(bytes).catch((e: Error) => ({ error: e.message }))]);
  expect(now).toEqual(before);
  return now;
}

describe('fastReadLine', () => {
  it("cuts the same lines as postal-mime's readLine, for every mix of CR, LF and text", () => {
    const original = (PostalMime.prototype as unknown as Internals).readLine;
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = [0x61, 0x0d, 0x0a, 0x20, 0x2d];
    for (let n = 0; n < 5000; n++) {
      const bytes = new Uint8Array(Math.floor(random() * 16));
      for (let i = 0; i < bytes.length; i++) bytes[i] = alphabet[Math.floor(random() * alphabet.length)]!;
      expect(lines(bytes, fastReadLine as (this: Internals) => PostalLine), JSON.stringify(Buffer.from(bytes).toString('latin1'))).toEqual(lines(bytes, original));
    }
  });
});

describe('runPostalMime', () => {
  it('parses made-up messages (line ends, limits) exactly as before', async () => {
    const parts = (n: number) => `Content-Type: multipart/mixed; boundary=b\r\n\r\n${Array.from({ length: n }, (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join('')}--b--\r\n`;
    let nested = 'Content-Type: text/plain\n\ninnermost\n';
    for (let i = 0; i < MAX_MIME_DEPTH + 5; i++) nested = `Content-Type: multipart/mixed; boundary=n${i}\n\n--n${i}\n${nested}--n${i}--\n`;
    const cases = [
      'Subject: a\r\n\r\nbody\r\nline two\r\n',
      'Subject: lone\rCR\n\nbody\r\r\nend',
      'Subject: no end\n\nlast line without a break',
      '\n\n\n',
      'Subject: x\n\n' + 'y'.repeat(70_000) + '\r\n',
      'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8gd29ybGQ=\r\n',
      parts(3),
      parts(MAX_MIME_BOUNDARIES + 10),
      nested,
    ];
    const results = [];
    for (const text of cases) results.push(await same(new TextEncoder().encode(text)));
    // The last two stop at the part and nesting limits.
    expect(results.map((r) => (r as { truncated?: boolean }).truncated)).toEqual([...cases.slice(0, -2).map(() => false), true, true]);
  }, 60_000);

  it.skipIf(!hasCorpus)('parses every corpus message exactly as before', async () => {
    for (const entry of readManifest()) await same(new Uint8Array(await readFile(entry.path)));
  }, 180_000);
});
