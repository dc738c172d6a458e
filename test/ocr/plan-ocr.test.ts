// When OCR runs, and on what: most mail gets none; logos and tracking pixels are never read.
import { describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { planOcr } from '../../shared/ocr/plan-ocr.ts';
import { imageSize } from '../../shared/ocr/image-size.ts';
import { sniffImageKind } from '../../shared/ocr/image-kind.ts';
import { ocrScale } from '../../shared/ocr/ocr-scale.ts';
import { OCR_LIMITS } from '../../shared/ocr/ocr-limits.ts';
import { attachedEml, inlineEml } from './support/lure-eml.ts';
import { imageOnlyPdf, lureBmp, lureJpeg, lurePng, lureTiff, lureWebp, randomUsNumber } from './support/lure-images.ts';

function png(width: number, height: number): Uint8Array {
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').fillRect(0, 0, width, height);
  return new Uint8Array(canvas.toBuffer('image/png'));
}

const LONG_LEGIT = 'Thanks for coming to the community garden day. '.repeat(12);

describe('planOcr', () => {
  it('reads a picture when the text next to it is thin', async () => {
    const message = await parseEml(attachedEml({ name: 'a.png', mediaType: 'image/png', bytes: png(900, 400) }, 'Hi'));
    const plan = planOcr(message);
    expect(plan.trigger).toBe('thin-text');
    expect(plan.targets.map((t) => t.attachment.name)).toEqual(['a.png']);
  });

  it('reads an inline cid: picture of an HTML body with no text', async () => {
    const message = await parseEml(inlineEml({ name: 'x', mediaType: 'image/png', bytes: png(900, 400) }));
    expect(planOcr(message).trigger).toBe('thin-text');
  });

  it('never reads logos or tracking pixels', async () => {
    for (const [w, h] of [[1, 1], [150, 50], [40, 400], [180, 180]] as const) {
      const message = await parseEml(attachedEml({ name: 'logo.png', mediaType: 'image/png', bytes: png(w, h) }, 'Hi'));
      expect(planOcr(message), `${w}x${h}`).toEqual({ targets: [] });
    }
  });

  it('does not read pictures of ordinary mail with enough text and no lure', async () => {
    const message = await parseEml(attachedEml({ name: 'garden.png', mediaType: 'image/png', bytes: png(1200, 900) }, LONG_LEGIT));
    expect(planOcr(message)).toEqual({ targets: [] });
  });

  it('reads pictures when the text sets up a lure without a number', async () => {
    const text = `${LONG_LEGIT}\nYour PayPal invoice for the renewal is attached.`;
    const message = await parseEml(attachedEml({ name: 'inv.jpg', mediaType: 'image/jpeg', bytes: lureJpeg(randomUsNumber()) }, text));
    expect(planOcr(message).trigger).toBe('lure-without-number');
  });

  it('does not read pictures when the lure text already carries a number', async () => {
    const text = `${LONG_LEGIT}\nYour PayPal invoice for the renewal: call +1 (804) 713-4598 to cancel.`;
    const message = await parseEml(attachedEml({ name: 'inv.jpg', mediaType: 'image/jpeg', bytes: lureJpeg(randomUsNumber()) }, text));
    expect(planOcr(message)).toEqual({ targets: [] });
  });

  it('reads a PDF that has no text layer, even beside long text', async () => {
    const pdf = imageOnlyPdf(lureJpeg(randomUsNumber()), 1008, 308);
    const message = await parseEml(attachedEml({ name: 'scan.pdf', mediaType: 'application/pdf', bytes: pdf }, LONG_LEGIT));
    const plan = planOcr(message);
    expect(plan.trigger).toBe('pdf-without-text');
    expect(plan.targets.map((t) => t.kind)).toEqual(['pdf']);
  });

  it('leaves a PDF with a text layer alone when nothing else calls for OCR', async () => {
    const pdf = imageOnlyPdf(lureJpeg(randomUsNumber()), 1008, 308);
    const message = await parseEml(attachedEml({ name: 'doc.pdf', mediaType: 'application/pdf', bytes: pdf }, LONG_LEGIT));
    message.attachments[0]!.text = 'Minutes of the garden committee meeting';
    expect(planOcr(message)).toEqual({ targets: [] });
  });

  it('caps the pictures read per message', async () => {
    const message = await parseEml(attachedEml({ name: 'a.png', mediaType: 'image/png', bytes: png(900, 400) }, 'Hi'));
    for (let i = 0; i < 9; i++) message.attachments.push({ ...message.attachments[0]!, name: `p${i}.png` });
    expect(planOcr(message).targets).toHaveLength(OCR_LIMITS.maxImages);
  });

  it('turns away a picture whose header claims a huge size (decompression bomb)', async () => {
    const bytes = png(900, 400);
    new DataView(bytes.buffer).setUint32(16, 40_000);
    new DataView(bytes.buffer).setUint32(20, 40_000);
    const message = await parseEml(attachedEml({ name: 'bomb.png', mediaType: 'image/png', bytes }, 'Hi'));
    expect(planOcr(message)).toEqual({ targets: [] });
  });
});

describe('picture headers', () => {
  it('sniffs the format and reads the size without decoding', () => {
    const n = randomUsNumber();
    const drawn = { fontPx: 20 };
    const w = 720;
    const h = 220;
    expect(imageSize(lurePng(n, drawn), 'png')).toEqual({ width: w, height: h });
    for (const [bytes, kind] of [[lurePng(n, drawn), 'png'], [lureJpeg(n, drawn), 'jpeg'], [lureWebp(n, drawn), 'webp'], [lureBmp(n, drawn), 'bmp']] as const) {
      expect(sniffImageKind(bytes)).toBe(kind);
      expect(imageSize(bytes, kind), kind).toEqual({ width: w, height: h });
    }
    expect(sniffImageKind(lureTiff(n, drawn))).toBe('tiff');
    expect(sniffImageKind(new TextEncoder().encode('GIF89a\x10\x00\x20\x00'))).toBe('gif');
    expect(imageSize(new TextEncoder().encode('GIF89a\x10\x00\x20\x00'), 'gif')).toEqual({ width: 16, height: 32 });
    const heic = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0]);
    expect(sniffImageKind(heic)).toBe('heic');
    expect(sniffImageKind(new TextEncoder().encode('%PDF-1.4'))).toBeUndefined();
  });

  it('scales small print up and big scans down to the pixel budget', () => {
    expect(ocrScale({ width: 400, height: 100 }, OCR_LIMITS)).toEqual({ width: 1000, height: 250 });
    const big = ocrScale({ width: 4960, height: 7016 }, OCR_LIMITS);
    expect(big.width * big.height).toBeLessThanOrEqual(OCR_LIMITS.maxOcrPixels);
    expect(Math.max(big.width, big.height)).toBeLessThanOrEqual(OCR_LIMITS.maxOcrSide);
  });
});
