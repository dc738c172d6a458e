// readMbox joins mboxcl2 pieces up to a Content-Length: reading the first piece's headers once (not again for
// every piece joined) must read every mbox as before: random mboxes of right, short, long and absent lengths,
// quoted and bare From lines, CRLF and LF, cut into random chunks, in every format.
import { describe, expect, it, vi } from 'vitest';
import { readMbox, type MboxFormat } from '../../cli/input/mbox-format.ts';
import { readMbox as readMboxBefore } from './support/mbox-format-before.ts';
import type { InputMessage } from '../../cli/input/types.ts';

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

type Reader = typeof readMbox;
async function read(reader: Reader, bytes: Buffer, format: MboxFormat, size: number, maxBytes: number): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const m of reader('box', chunked(bytes, size), format, maxBytes) as AsyncGenerator<InputMessage>) {
    out.push(m.error === undefined ? { ...m, bytes: Buffer.from(m.bytes).toString('latin1') } : m);
  }
  return out;
}

function randomMbox(random: () => number): Buffer {
  const nl = random() < 0.3 ? '\r\n' : '\n';
  const lines = ['Dear customer,', 'From the desk of billing', '>From a quote', '>>From deeper', 'call +1 804 713 4598', ''];
  let text = '';
  const count = 1 + Math.floor(random() * 8);
  for (let m = 0; m < count; m++) {
    const body = Array.from({ length: Math.floor(random() * 5) }, () => lines[Math.floor(random() * lines.length)]!).join(nl) + nl;
    const actual = Buffer.byteLength(body);
    const kind = random();
    const length = kind < 0.4 ? actual : kind < 0.55 ? actual + Math.floor(random() * 200) : kind < 0.7 ? Math.max(0, actual - 1 - Math.floor(random() * 10)) : kind < 0.8 ? 10 ** 9 : -1;
    const header = length >= 0 ? `Content-Length: ${length}${nl}` : '';
    text += `From a@example.net Mon Mar  2 10:00:00 2026${nl}Subject: ${m}${nl}${header}${nl}${body}${random() < 0.5 ? nl : ''}`;
  }
  if (random() < 0.2) text = text.slice(0, Math.floor(random() * text.length));
  return Buffer.from(text, 'latin1');
}

describe('readMbox length joining', () => {
  it('reads random mboxes exactly as before, in every format and chunking', async () => {
    let seed = 13;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 600; n++) {
      const bytes = randomMbox(random);
      const size = 1 + Math.floor(random() * 64);
      const maxBytes = random() < 0.2 ? 40 + Math.floor(random() * 200) : 1 << 20;
      for (const format of ['auto', 'mboxcl2', 'mboxrd', 'mboxo'] as const) {
        expect(await read(readMbox, bytes, format, size, maxBytes), `${format} ${JSON.stringify(bytes.toString('latin1'))}`).toEqual(await read(readMboxBefore, bytes, format, size, maxBytes));
      }
    }
  });

  it("reads the first piece's headers once while pieces are joined to a long Content-Length", async () => {
    const small = 'From b@example.net Mon Mar  2 10:00:00 2026\nSubject: s\n\nbody\n';
    const bytes = Buffer.from(`From a@example.net Mon Mar  2 10:00:00 2026\nSubject: big\nContent-Length: 1000000\n\nstart\n${small.repeat(300)}`);
    const toString = vi.spyOn(Buffer.prototype, 'toString');
    try {
      const out = await read(readMbox, bytes, 'auto', 1 << 16, 1 << 20);
      const calls = toString.mock.calls.length;
      expect(out).toHaveLength(301);
      // One read per message (its own headers), not one per piece joined behind the first.
      expect(calls).toBeLessThan(2 * 301 + 10);
      expect(calls).toBeGreaterThan(0);
    } finally {
      toString.mockRestore();
    }
  });
});
