// The worker's OCR request path: the first verdict says whether the text calls for the message's pictures
// (and the OCR document starts loading then, beside the scan); the second look reads a raw message's picture
// parts, or the page's pictures sent as data: URLs, and scans again only when something was read.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MailMessage } from '../../shared/types.ts';
import type { ScanResponse } from '../../extension/lib/messages.ts';
import type { OcrRequest } from '../../shared/mime/attachment-text.ts';

const policy = { ocr: true as boolean, defaultRegion: 'US', extraBrands: [] as string[] };
vi.mock('../../extension/background/policy.ts', () => ({ getPolicyForScan: async () => ({ effective: policy }) }));
const warmOcr = vi.fn();
const recognised: OcrRequest[] = [];
vi.mock('../../extension/background/ocr-document.ts', () => ({
  warmOcr: () => warmOcr(),
  offscreenRecogniser: async (request: OcrRequest) => {
    recognised.push(request);
    return { text: 'PayPal billing: call +1 (804) 713-4598 to cancel', pages: 0 };
  },
}));
const scanned: MailMessage[] = [];
vi.mock('../../extension/background/scan-message.ts', () => ({
  scanMessage: async (message: MailMessage) => {
    scanned.push(message);
    return { verdict: { level: 'warning' }, show: true, canReport: false, formatted: {} };
  },
}));

const { ocrScan, withPictureHint } = await import('../../extension/background/ocr-scan.ts');

const message = (text: string): MailMessage => ({ subject: 'Your document', from: null, replyTo: [], to: [], date: null, headers: [], text, hiddenText: '', parts: [], attachments: [], links: [] });
const first = { verdict: { level: 'none' }, show: false, canReport: false, formatted: {} } as unknown as ScanResponse;
const long = 'Hi Alex, the minutes from Thursday are in the shared folder. '.repeat(6) + 'Call me on +1 617 491 2063 if anything is unclear.';
// A PNG header of 1200x400 (IHDR): big enough to be a page of text for planOcr.
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x04, 0xb0, 0, 0, 0x01, 0x90, 8, 2, 0, 0, 0, ...new Array(64).fill(0)]);
const dataUrl = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;

beforeEach(() => {
  policy.ocr = true;
  warmOcr.mockClear();
  recognised.length = 0;
  scanned.length = 0;
});

describe('withPictureHint', () => {
  it('warms OCR and says to read the pictures when the page shows some and the text is thin', async () => {
    expect(await withPictureHint(message('See below.'), true, Promise.resolve(first))).toEqual({ ...first, readPictures: true });
    expect(warmOcr).toHaveBeenCalledTimes(1);
  });

  it('does neither for a message without pictures, for text that does not call for them, or with OCR off', async () => {
    expect(await withPictureHint(message('See below.'), undefined, Promise.resolve(first))).toBe(first);
    expect(await withPictureHint(message(long), true, Promise.resolve(first))).toBe(first);
    policy.ocr = false;
    expect(await withPictureHint(message('See below.'), true, Promise.resolve(first))).toBe(first);
    expect(warmOcr).not.toHaveBeenCalled();
  });
});

describe('ocrScan', () => {
  it('reads a picture the page sent as a data: URL and scans again with what was read', async () => {
    const response = await ocrScan(message('See below.'), [{ name: 'invoice.png', dataUrl }]);
    expect(response?.show).toBe(true);
    expect(recognised.map((r) => [r.name, r.kind, r.bytes.length])).toEqual([['invoice.png', 'png', png.length]]);
    expect(scanned[0]!.parts).toEqual([{ id: 'ocr:invoice.png', text: expect.stringContaining('+1 (804) 713-4598') }]);
  });

  it('reads the picture attachment of a raw message', async () => {
    const raw = [
      'Subject: s', 'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain', '', 'attached',
      '--b', 'Content-Type: image/png; name="statement.png"', 'Content-Disposition: attachment; filename="statement.png"', 'Content-Transfer-Encoding: base64', '',
      Buffer.from(png).toString('base64'), '--b--', '',
    ].join('\r\n');
    expect(await ocrScan(message('See attached.'), [], { text: raw, html: false })).not.toBeNull();
    expect(recognised.map((r) => r.name)).toEqual(['statement.png']);
  });

  it('answers null without reading when nothing usable came or OCR is off', async () => {
    expect(await ocrScan(message('See below.'), [{ name: 'x', dataUrl: 'data:text/html;base64,PGI+' }])).toBeNull();
    policy.ocr = false;
    expect(await ocrScan(message('See below.'), [{ name: 'invoice.png', dataUrl }])).toBeNull();
    expect(recognised).toEqual([]);
    expect(scanned).toEqual([]);
  });
});
