// FastBase64Decoder must give exactly the bytes postal-mime's own Base64Decoder gives for the same lines:
// random lines of base64, padding, whitespace, CRs, other ASCII and non-ASCII bytes (whole corpus parses are
// compared in postal-line-split.test.ts, whose former run keeps postal-mime's decoders).
import { describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { FastBase64Decoder, decodeBase64Lines } from '../../shared/mime/fast-base64-decoder.ts';
import { runPostalMime } from '../../shared/mime/run-postal-mime.ts';

// postal-mime does not export its decoder: loaded from its file.
const decoderFile = fileURLToPath(new URL('../../node_modules/postal-mime/dist/esm/base64-decoder.js', import.meta.url));
const { default: Base64Decoder } = (await import(decoderFile)) as { default: new () => { update(line: Uint8Array): void; finalize(): Promise<ArrayBuffer> } };

async function original(lines: Uint8Array[]): Promise<Uint8Array> {
  const decoder = new Base64Decoder();
  for (const line of lines) decoder.update(line);
  return new Uint8Array(await decoder.finalize());
}

async function fast(lines: Uint8Array[], sliceBytes?: number): Promise<Uint8Array> {
  const decoder = new FastBase64Decoder(sliceBytes);
  for (const line of lines) decoder.update(line);
  return new Uint8Array(await decoder.finalize());
}

describe('FastBase64Decoder', () => {
  it("decodes random lines to postal-mime's bytes", async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const b64 = Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
    const odd = [0x3d, 0x3d, 0x20, 0x09, 0x0d, 0x2d, 0x5f, 0x2e, 0x00, 0x80, 0xc3, 0xa9, 0xe2, 0xff, 0xef, 0xbb, 0xbf];
    for (let n = 0; n < 3000; n++) {
      const lines: Uint8Array[] = [];
      const count = Math.floor(random() * 6);
      const noise = random() < 0.5 ? 0 : random() * 0.3;
      for (let l = 0; l < count; l++) {
        const line = new Uint8Array(Math.floor(random() * 30));
        for (let i = 0; i < line.length; i++) line[i] = random() < noise ? odd[Math.floor(random() * odd.length)]! : b64[Math.floor(random() * b64.length)]!;
        lines.push(line);
      }
      const label = JSON.stringify(lines.map((l) => Buffer.from(l).toString('latin1')));
      const expected = await original(lines);
      expect(await fast(lines), label).toEqual(expected);
      // Decoded a slice of lines at a time (any slice size): the same bytes.
      expect(await fast(lines, 1 + Math.floor(random() * 40)), label).toEqual(expected);
    }
  });

  it('decodes a long body (past postal-mime 100 KB chunks) and real base64 the same', async () => {
    const data = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251);
    const text = Buffer.from(data).toString('base64').replace(/.{76}/g, '$&\n');
    const lines = text.split('\n').map((l) => new Uint8Array(Buffer.from(l, 'latin1')));
    expect(await fast(lines)).toEqual(await original(lines));
    expect(await fast(lines, 1000)).toEqual(data);
    expect(new Uint8Array(await decodeBase64Lines(lines))).toEqual(data);
  });

  it('gives an ArrayBuffer of its own, even for a few bytes', async () => {
    const out = await decodeBase64Lines([Buffer.from('aGk=')]);
    expect(out.byteLength).toBe(2);
  });

  it('is what runPostalMime decodes base64 parts with', async () => {
    const message = new TextEncoder().encode('Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8g\r\nd29y=bGQ=\r\n');
    const update = vi.spyOn(FastBase64Decoder.prototype, 'update');
    const { email } = await runPostalMime(message);
    expect(email.text).toBe('hello world');
    expect(update).toHaveBeenCalledTimes(2);
    update.mockRestore();
  });
});
