// The mbox variants: mboxo and mboxrd differ only on `>>From ` lines; mboxcl2 quotes nothing and gives each
// body's length, so its bodies may hold bare `From ` lines; auto reads mboxcl2 where the lengths fit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMbox, mboxFormatOption, type MboxFormat } from '../../cli/input/mbox-format.ts';
import type { InputMessage } from '../../cli/input/types.ts';
import { main } from '../../cli/main.ts';
import { captureOutput } from '../feed/capture-output.ts';

async function* chunked(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(text: string, format?: MboxFormat, size = 1 << 20, maxBytes?: number): Promise<InputMessage[]> {
  const out: InputMessage[] = [];
  for await (const m of readMbox('box', chunked(text, size), format, maxBytes)) out.push(m);
  return out;
}

const body = (m: InputMessage) => (m.error === undefined ? Buffer.from(m.bytes).toString() : `error: ${m.error}`);

/** Both quoting styles wrote this from "From the desk" and ">From quoted before": mboxrd as below, mboxo leaving the second alone. */
const QUOTED =
  'From a@example.net Mon Mar  2 10:00:00 2026\nSubject: one\n\nfirst\n>From the desk\n>>From quoted before\n\n' +
  'From b@example.net Mon Mar  2 11:00:00 2026\nSubject: two\n\nsecond\n';

/** mboxcl2: Content-Length counts the body; a bare `From ` line and a `>From ` line are text as they stand. */
function cl2(crlf = false): string {
  const nl = crlf ? '\r\n' : '\n';
  const message = (envelope: string, subject: string, text: string) => {
    const bodyText = text.split('\n').join(nl);
    return `${envelope}${nl}Subject: ${subject}${nl}Content-Length: ${Buffer.byteLength(bodyText)}${nl}${nl}${bodyText}${nl}`;
  };
  return (
    message('From a@example.net Mon Mar  2 10:00:00 2026', 'one', 'Dear customer,\nFrom the desk of billing: call +1 (804) 713-4598.\n>From a quote\n') +
    message('From b@example.net Mon Mar  2 11:00:00 2026', 'two', 'second\n')
  );
}

describe('readMbox formats', () => {
  it('mboxrd (and auto) removes one > from every >+From line', async () => {
    for (const format of ['mboxrd', 'auto', undefined] as const) {
      expect((await read(QUOTED, format)).map(body)).toEqual(['Subject: one\n\nfirst\nFrom the desk\n>From quoted before\n\n', 'Subject: two\n\nsecond\n']);
    }
  });

  it('mboxo unquotes only >From lines and leaves >>From as it is', async () => {
    expect((await read(QUOTED, 'mboxo')).map(body)).toEqual(['Subject: one\n\nfirst\nFrom the desk\n>>From quoted before\n\n', 'Subject: two\n\nsecond\n']);
  });

  it('mboxcl2 (and auto) reads each body to its Content-Length: a bare From line stays in it, nothing is unquoted', async () => {
    const box = cl2();
    for (const format of ['mboxcl2', 'auto'] as const) {
      for (const size of [1 << 20, 7, 1]) {
        const messages = await read(box, format, size);
        expect(messages.map(body)).toEqual([
          expect.stringMatching(/^Subject: one\nContent-Length: \d+\n\nDear customer,\nFrom the desk of billing: call \+1 \(804\) 713-4598\.\n>From a quote\n\n$/),
          expect.stringMatching(/^Subject: two\n/),
        ]);
        expect(messages.map((m) => [m.index, m.offset])).toEqual([[0, 0], [1, box.indexOf('From b@')]]);
      }
    }
    // Read as mboxrd the same file falls apart at the bare From line.
    expect((await read(box, 'mboxrd')).map((m) => m.index)).toEqual([0, 1, 2]);
  });

  it('reads mboxcl2 with CRLF line ends', async () => {
    const messages = await read(cl2(true), 'auto');
    expect(messages).toHaveLength(2);
    expect(body(messages[0]!)).toContain('\r\nFrom the desk of billing');
  });

  it('auto falls back to mboxrd for a message whose Content-Length does not fit, and reads the rest', async () => {
    const wrong = 'From x@example.net Mon Mar  2 09:00:00 2026\nSubject: zero\nContent-Length: 9999\n\nshort\n>From quoted\n\n';
    const messages = await read(wrong + cl2(), 'auto', 5);
    expect(messages.map((m) => m.index)).toEqual([0, 1, 2]);
    expect(body(messages[0]!)).toBe('Subject: zero\nContent-Length: 9999\n\nshort\nFrom quoted\n\n');
    expect(body(messages[1]!)).toContain('From the desk of billing');
    expect(body(messages[2]!)).toMatch(/^Subject: two/);
  });

  it('a Content-Length that ends mid-line is not trusted; a cut-off last message is read as it stands', async () => {
    const off = 'From x@example.net Mon Mar  2 09:00:00 2026\nSubject: zero\nContent-Length: 3\n\nshort\n';
    expect((await read(off + QUOTED, 'auto')).map(body)[0]).toBe('Subject: zero\nContent-Length: 3\n\nshort\n');
    const cut = cl2().slice(0, -3); // inside the second body: shorter than its Content-Length
    const messages = await read(cut, 'mboxcl2');
    expect(messages.map((m) => m.error ?? 'ok')).toEqual(['ok', 'ok']);
    expect(body(messages[1]!)).toMatch(/^Subject: two/);
  });

  it('keeps size-limit errors in place and numbers messages after them', async () => {
    const big = `From a@x Mon Mar  2 10:00:00 2026\nSubject: big\n\n${'x'.repeat(5000)}\n`;
    const messages = await read(big + cl2(), 'auto', 100, 1000);
    expect(messages.map((m) => [m.index, m.error ?? 'ok'])).toEqual([[0, 'message is over the 0 MB limit'], [1, 'ok'], [2, 'ok']]);
  });

  it('--mbox-format takes the four names and refuses others', async () => {
    expect(mboxFormatOption(undefined)).toBe('auto');
    expect(mboxFormatOption(['mboxo'])).toBe('mboxo');
    expect(() => mboxFormatOption(['mmdf'])).toThrow(/--mbox-format is one of auto, mboxrd, mboxo, mboxcl2/);
    expect((await captureOutput(() => main(['scan', '--mbox-format', 'mmdf', 'x.mbox']))).result).toBe(2);
  });
});

describe('--mbox-format through hunt', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringfence-mbox-format-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds a number after a bare From line in an mboxcl2 body as part of its message', async () => {
    const box = join(dir, 'cl2.mbox');
    await writeFile(box, cl2());
    const hunt = async (format: string) => JSON.parse((await captureOutput(() => main(['hunt', '--json', '--jobs', '1', '--mbox-format', format, '+18047134598', box]))).stdout.split('\n')[0]!) as { index: number; subject: string };
    expect(await hunt('auto')).toMatchObject({ index: 0, subject: 'one' });
    expect(await hunt('mboxcl2')).toMatchObject({ index: 0, subject: 'one' });
    // Cut at the From line, the number lands in a headless message of its own.
    expect(await hunt('mboxrd')).toMatchObject({ index: 1 });
  }, 180_000);
});
