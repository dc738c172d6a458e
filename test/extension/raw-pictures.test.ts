// The worker takes a raw message's pictures and PDFs for OCR (Gmail's "Show original", handed over by the
// content script as Gmail served it): image attachments, inline cid: pictures and PDFs, nothing else.
import { describe, expect, it } from 'vitest';
import { rawMessageOf, rawPictures, MAX_RAW_CHARS } from '../../extension/background/raw-pictures.ts';
import { parseHeaderBlock } from '../../extension/background/parse-header-block.ts';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 64 }, (_, i) => i)]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 64 }, (_, i) => 255 - i)]);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function part(headers: string[], body: Buffer): string {
  return [...headers, 'Content-Transfer-Encoding: base64', '', body.toString('base64')].join('\r\n');
}

const raw = [
  'From: "Billing" <billing@example.com>',
  'Subject: Your document & more',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: multipart/related; boundary="b2"',
  '',
  '--b2',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>See <img src="cid:logo@x"></p>',
  '--b2',
  part(['Content-Type: image/jpeg', 'Content-ID: <logo@x>', 'Content-Disposition: inline'], jpeg),
  '--b2--',
  '--b1',
  part(['Content-Type: image/png; name="statement.png"', 'Content-Disposition: attachment; filename="statement.png"'], png),
  '--b1',
  part(['Content-Type: application/octet-stream', 'Content-Disposition: attachment; filename="scan.pdf"'], pdf),
  '--b1',
  part(['Content-Type: text/plain; name="notes.txt"', 'Content-Disposition: attachment; filename="notes.txt"'], Buffer.from('call us')),
  '--b1--',
  '',
].join('\r\n');

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const gmailPage = `<!doctype html><title>Original Message</title><div>Original</div><pre class="raw_message_text" id="raw_message_text">${escape(raw)}</pre>`;

describe('rawPictures', () => {
  it('takes image attachments, inline cid: pictures and PDFs from the raw message Gmail serves in an HTML page', async () => {
    const found = await rawPictures({ text: gmailPage, html: true });
    expect(found.map((a) => [a.name, a.mediaType, a.size])).toEqual([
      ['logo@x', 'image/jpeg', jpeg.length],
      ['statement.png', 'image/png', png.length],
      ['scan.pdf', 'application/octet-stream', pdf.length],
    ]);
    expect(Buffer.from(found[1]!.content!)).toEqual(png);
  });

  it('reads a plain raw message the same way, and un-escapes the HTML page exactly', async () => {
    expect((await rawPictures({ text: raw, html: false })).map((a) => a.name)).toEqual(['logo@x', 'statement.png', 'scan.pdf']);
    expect(rawMessageOf({ text: gmailPage, html: true })).toBe(raw);
  });

  it('un-escapes the start of a page cut short (the header block the content script sends)', async () => {
    const start = gmailPage.slice(gmailPage.indexOf('<pre'), gmailPage.indexOf('&amp; more') + 10);
    const parsed = await parseHeaderBlock(rawMessageOf({ text: start, html: true }));
    expect(parsed.subject).toBe('Your document & more');
    expect(parsed.from).toEqual({ address: 'billing@example.com', name: 'Billing' });
  });

  it('finds nothing in a page without the raw message, and refuses one that is too large', async () => {
    expect(await rawPictures({ text: '<p>Not found</p>', html: true })).toEqual([]);
    await expect(rawPictures({ text: 'x'.repeat(MAX_RAW_CHARS + 1), html: false })).rejects.toThrow(/too large/);
  });
});
