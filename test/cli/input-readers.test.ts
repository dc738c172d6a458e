// The input readers and the pool's ordering on their own: mbox splitting, .msg conversion, hunt targets,
// back-pressure, the progress line.
import { describe, expect, it } from 'vitest';
import { splitMbox } from '../../cli/input/split-mbox.ts';
import { msgToEml } from '../../cli/input/msg-to-eml.ts';
import { sniffFormat } from '../../cli/input/sniff-format.ts';
import { orderedMap } from '../../cli/pool/ordered-map.ts';
import { parseHuntTarget, targetMatches } from '../../cli/hunt/hunt-target.ts';
import { Progress } from '../../cli/progress.ts';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { buildMsg } from './support/build-msg.ts';
import type { InputMessage } from '../../cli/input/types.ts';
import { planInputs } from '../../cli/input/read-inputs.ts';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function* chunked(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function split(text: string, size: number, maxBytes?: number): Promise<InputMessage[]> {
  const out: InputMessage[] = [];
  for await (const m of splitMbox('box', chunked(text, size), maxBytes)) out.push(m);
  return out;
}

const body = (m: InputMessage) => (m.error === undefined ? Buffer.from(m.bytes).toString() : `error: ${m.error}`);

const BOX =
  'From a@example.net Mon Mar  2 10:00:00 2026\nSubject: one\n\nfirst\n>From the desk\n>>From quoted twice\nFromage is not a separator\n\n' +
  'From b@example.net Mon Mar  2 11:00:00 2026\r\nSubject: two\r\n\r\nsecond\r\n>From crlf\r\n\r\n' +
  'From c@example.net Mon Mar  2 12:00:00 2026\nSubject: three\n\nthird\n';

describe('splitMbox', () => {
  it('splits at From lines, drops the envelope, unquotes >From lines, and gives index and offset', async () => {
    const messages = await split(BOX, 1024 * 1024);
    expect(messages.map(body)).toEqual([
      'Subject: one\n\nfirst\nFrom the desk\n>From quoted twice\nFromage is not a separator\n\n',
      'Subject: two\r\n\r\nsecond\r\nFrom crlf\r\n\r\n',
      'Subject: three\n\nthird\n',
    ]);
    expect(messages.map((m) => [m.index, m.offset])).toEqual([
      [0, 0],
      [1, BOX.indexOf('From b@')],
      [2, BOX.indexOf('From c@')],
    ]);
  });

  it('finds the same messages whatever the chunk size (separators split across chunks)', async () => {
    const whole = (await split(BOX, 1 << 20)).map(body);
    for (const size of [1, 2, 3, 5, 6, 7, 13]) expect((await split(BOX, size)).map(body)).toEqual(whole);
  });

  it('makes an oversized message an error and reads the next one', async () => {
    const big = `From a@x Mon Mar  2 10:00:00 2026\nSubject: big\n\n${'x'.repeat(5000)}\n`;
    const messages = await split(big + BOX, 100, 1000);
    expect(messages.map((m) => m.error ?? 'ok')).toEqual(['message is over the 0 MB limit', 'ok', 'ok', 'ok']);
    expect(body(messages[1]!)).toMatch(/^Subject: one/);
  });

  it('makes a last message cut off inside its headers an error, and keeps one cut in its body', async () => {
    expect((await split(`${BOX}From d@x Mon Mar  2 13:00:00 2026\nSubject: fo`, 7)).map((m) => m.error ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'truncated message: the mbox ends inside its headers']);
    expect((await split(`${BOX}From d@x Mon Mar  2 13:00:00 2026\nSubject: four\n\nbody cut`, 7)).map((m) => m.error ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'ok']);
  });
});

describe('sniffFormat', () => {
  it('tells gzip, Outlook .msg, mbox and plain messages apart', () => {
    expect(sniffFormat(new Uint8Array([0x1f, 0x8b, 8, 0]))).toBe('gzip');
    expect(sniffFormat(buildMsg({ subject: 's', senderName: 'n', senderAddress: 'a@b.c', body: 'b' }).subarray(0, 8))).toBe('msg');
    expect(sniffFormat(new TextEncoder().encode('From a@b Mon'))).toBe('mbox');
    expect(sniffFormat(new TextEncoder().encode('From: a@b\n'))).toBe('eml');
  });
});

describe('msgToEml', () => {
  it('turns an Outlook .msg into the same MailMessage: subject, sender, text, HTML, attachments with their text', async () => {
    const msg = buildMsg({
      subject: 'Ihre Rechnung – Norton',
      senderName: 'Norton Billing',
      senderAddress: 'billing@example.net',
      body: 'Plain body: call +1 (804) 713-4598.',
      html: '<p>Call <b>+1 (804) 713-4598</b> now</p><div style="display:none">hidden 8597130000</div>',
      attachments: [{ name: 'invoice.txt', mimeType: 'text/plain', content: new TextEncoder().encode('Invoice: call 804-713-4599') }],
    });
    const message = await parseEml(msgToEml(msg));
    expect(message.subject).toBe('Ihre Rechnung – Norton');
    expect(message.from).toEqual({ name: 'Norton Billing', address: 'billing@example.net' });
    expect(message.text).toContain('Call +1 (804) 713-4598 now');
    expect(message.hiddenText).toContain('hidden 8597130000');
    expect(message.attachments).toEqual([expect.objectContaining({ name: 'invoice.txt', mediaType: 'text/plain', text: 'Invoice: call 804-713-4599' })]);
  });

  it('reads an Outlook item attached to the .msg as an attached message', async () => {
    const msg = buildMsg({
      subject: 'FW: suspicious',
      senderName: 'Analyst',
      senderAddress: 'soc@example.org',
      body: 'Forwarding the report.',
      attachments: [{ name: 'Your renewal', message: { subject: 'Your renewal', senderName: 'Norton', senderAddress: 'billing@example.net', body: 'Call +1 (804) 713-4598 to cancel.' } }],
    });
    const message = await parseEml(msgToEml(msg));
    expect(message.subject).toBe('FW: suspicious');
    expect(JSON.stringify(message.parts)).toContain('Call +1 (804) 713-4598 to cancel.');
  });

  it('refuses a file that is not an Outlook message with a readable error', () => {
    expect(() => msgToEml(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]))).toThrow(/not a readable Outlook \.msg/);
  });
});

describe('parseHuntTarget', () => {
  it('reads a number, a masked block and a bare block prefix', () => {
    expect(parseHuntTarget('(804) 713-4598', 'US')).toEqual({ kind: 'number', label: '+18047134598', e164: '+18047134598' });
    const masked = parseHuntTarget('+1804713XXXX', 'US')!;
    const bare = parseHuntTarget('+1804713', 'US')!;
    expect(bare).toEqual(masked);
    expect(targetMatches(masked, '+18047134598')).toBe(true);
    expect(targetMatches(masked, '+18047144598')).toBe(false);
    expect(targetMatches(masked, '+180471345981')).toBe(false);
    expect(targetMatches(parseHuntTarget('+180471345XX', 'US')!, '+18047134512')).toBe(true);
    expect(parseHuntTarget('call me', 'US')).toBeUndefined();
  });
});

describe('orderedMap', () => {
  it('yields in input order and never reads more than the window ahead', async () => {
    let pulled = 0;
    let taken = 0;
    let widest = 0;
    async function* items() {
      for (let i = 0; i < 50; i++) {
        pulled++;
        widest = Math.max(widest, pulled - taken);
        yield i;
      }
    }
    const out: number[] = [];
    for await (const value of orderedMap(items(), 4, (i) => new Promise<number>((r) => setTimeout(() => r(i), (i * 7) % 5)))) {
      taken++;
      out.push(value);
    }
    expect(out).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(widest).toBeLessThanOrEqual(4);
  });
});

describe('Progress', () => {
  it('shows messages, rate, errors and an ETA from the bytes read', () => {
    let now = 0;
    const written: string[] = [];
    const progress = new Progress({ tty: false, totalBytes: 1000, now: () => now, write: (t) => written.push(t) });
    progress.addBytes(250);
    now = 10_000;
    for (let i = 0; i < 20; i++) progress.done(i === 3);
    expect(progress.line(now)).toBe('20 messages, 2.0/s, 1 error, 25% read, ETA 30s');
    // Off a terminal, a line at most every 5 s: the first message drew one, the next 19 came too soon.
    expect(written).toEqual(['1 message, 0.1/s, 0 errors, 25% read, ETA 30s\n']);
    progress.finish();
    expect(written[1]).toBe('20 messages, 2.0/s, 1 error, 25% read, ETA 30s\n');
  });
});

describe('planInputs', () => {
  it('walks folders for every message kind, reads Maildir cur/ and new/ whatever the names, and keeps - in place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ringfence-plan-'));
    try {
      for (const name of ['a.eml', 'b.MSG', 'c.mbox', 'd.mbx.gz', 'e.eml.gz', 'notes.txt', 'archive.tar.gz']) await writeFile(join(dir, name), 'x');
      for (const box of ['cur', 'new', 'tmp']) await mkdir(join(dir, 'box', box), { recursive: true });
      await writeFile(join(dir, 'box', 'cur', '1.M1:2,S'), 'x');
      await writeFile(join(dir, 'box', 'new', '2.M2'), 'x');
      await writeFile(join(dir, 'box', 'tmp', '3.M3'), 'x');
      await writeFile(join(dir, 'box', 'dovecot-uidlist'), 'x');
      const notes: string[] = [];
      const planned = await planInputs([dir, '-', dir], (n) => notes.push(n));
      const names = planned.files.map((f) => (f.file === '-' ? '-' : f.file.slice(dir.length + 1)));
      expect(names).toEqual(['a.eml', 'b.MSG', 'box/cur/1.M1:2,S', 'box/new/2.M2', 'c.mbox', 'd.mbx.gz', 'e.eml.gz', '-']);
      expect(planned.totalBytes).toBeUndefined();
      expect(notes).toEqual([
        `${join(dir, 'box', 'tmp')}: left out, Maildir tmp folder (1 deliveries in progress)`,
        expect.stringMatching(/left out, it is the folder .* again/),
      ]);
      expect((await planInputs([dir])).totalBytes).toBe(7);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
