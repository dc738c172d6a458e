// While postal-mime runs, every Blob it builds joins its parts first and hands the joined bytes back from
// arrayBuffer(): the bytes must be the ones a platform Blob holds, for few parts as for many.
import { describe, expect, it } from 'vitest';
import { withCoalescingBlob } from '../../shared/mime/coalescing-blob.ts';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { base64Lines, message, multipart, textPart } from './support/build-mime.ts';

const PlatformBlob = globalThis.Blob;
const bytesOf = async (blob: Blob) => [...new Uint8Array(await blob.arrayBuffer())];

describe('coalescing Blob', () => {
  it('holds the same bytes as a platform Blob for one part, a few parts and many', async () => {
    const line = new TextEncoder().encode('line of text');
    const samples: BlobPart[][] = [
      [line],
      [line, '\n', line.subarray(2, 6), '\n', 'é', new Uint8Array([0, 255]).buffer],
      Array.from({ length: 500 }, (_, i) => (i % 2 ? '\n' : line)),
      [],
    ];
    await withCoalescingBlob(async () => {
      expect(globalThis.Blob).not.toBe(PlatformBlob);
      for (const parts of samples) {
        const ours = new Blob(parts, { type: 'application/octet-stream' });
        const platform = new PlatformBlob(parts, { type: 'application/octet-stream' });
        expect(ours.size).toBe(platform.size);
        expect(await bytesOf(ours)).toEqual(await bytesOf(platform));
        expect(await bytesOf(ours)).toEqual(await bytesOf(platform)); // a second read copies from the Blob
        expect(await ours.text()).toBe(await platform.text());
      }
    });
    expect(globalThis.Blob).toBe(PlatformBlob);
  });

  it('parses small and large attachments and bodies to the same bytes', async () => {
    const small = new Uint8Array([1, 2, 3, 250, 10, 13]);
    const large = new Uint8Array(200_000).map((_, i) => (i * 7) & 255);
    const raw = message(
      ['From: a@example.com', 'Subject: parts', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"'],
      multipart('b', [
        textPart('Call 1-888-555-0100 now.\nSecond line.'),
        { headers: ['Content-Type: application/octet-stream; name="s.bin"', 'Content-Transfer-Encoding: base64'], body: base64Lines(small) },
        { headers: ['Content-Type: application/octet-stream; name="l.bin"', 'Content-Transfer-Encoding: base64'], body: base64Lines(large) },
      ]),
    );
    const parsed = await parseEml(raw);
    expect(parsed.text).toContain('Call 1-888-555-0100 now.\nSecond line.');
    expect([...parsed.attachments[0]!.content!]).toEqual([...small]);
    expect(parsed.attachments[1]!.content!.length).toBe(large.length);
    expect(parsed.attachments[1]!.content!.every((b, i) => b === large[i])).toBe(true);
  });
});
