// Image-only lures (generated here, numbers random on every run) read by the CLI's OCR thread and flagged.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attachedEml, inlineEml, type Picture } from './support/lure-eml.ts';
import {
  drawLure, HEIF_ENC, imageOnlyPdf, lureBmp, lureGif, lureHeic, lureJpeg, lurePng, lureTiff, lureWebp, randomUsNumber, type LureNumber,
} from './support/lure-images.ts';
import { scanEml } from './support/scan-file.ts';

async function expectFlagged(eml: string, number: LureNumber, name: string) {
  const { verdict, outcome } = await scanEml(eml);
  const phone = verdict.phones.find((p) => p.e164 === number.e164);
  expect(phone, `${number.printed} read in ${name}; read: ${JSON.stringify(verdict.phones)}`).toBeDefined();
  expect(phone!.part).toBe(`ocr:${name}`);
  expect(['warning', 'danger']).toContain(verdict.level);
  expect(outcome?.read).toContain(name);
}

describe('CLI OCR of image-only lures', () => {
  it('reads a PNG attachment', async () => {
    const number = randomUsNumber();
    await expectFlagged(attachedEml({ name: 'invoice.png', mediaType: 'image/png', bytes: lurePng(number) }), number, 'invoice.png');
  });

  it('reads a noisy inline (cid:) JPEG with no text around it', async () => {
    const number = randomUsNumber();
    const picture: Picture = { name: 'ignored', mediaType: 'image/jpeg', bytes: lureJpeg(number, { noise: 60 }, 60) };
    const { verdict } = await scanEml(inlineEml(picture));
    const phone = verdict.phones.find((p) => p.e164 === number.e164);
    expect(phone, JSON.stringify(verdict.phones)).toBeDefined();
    expect(phone!.part).toMatch(/^ocr:/);
    expect(['warning', 'danger']).toContain(verdict.level);
  });

  it('reads a scan rotated by a few degrees', async () => {
    const number = randomUsNumber();
    const bytes = lureJpeg(number, { rotateDeg: 3, noise: 20 }, 80);
    await expectFlagged(attachedEml({ name: 'scan.jpg', mediaType: 'image/jpeg', bytes }), number, 'scan.jpg');
  });

  it('reads small print (enlarged before OCR)', async () => {
    const number = randomUsNumber();
    const bytes = lurePng(number, { fontPx: 12 });
    await expectFlagged(attachedEml({ name: 'small.png', mediaType: 'image/png', bytes }), number, 'small.png');
  });

  it('reads an image-only PDF page', async () => {
    const number = randomUsNumber();
    const canvas = drawLure(number, { fontPx: 30 });
    const pdf = imageOnlyPdf(new Uint8Array(canvas.toBuffer('image/jpeg', 85)), canvas.width, canvas.height);
    await expectFlagged(attachedEml({ name: 'statement.pdf', mediaType: 'application/pdf', bytes: pdf }), number, 'statement.pdf');
  });

  it.each([
    ['WebP', 'notice.webp', 'image/webp', lureWebp],
    ['BMP', 'notice.bmp', 'image/bmp', lureBmp],
    ['TIFF', 'notice.tif', 'image/tiff', lureTiff],
    ['GIF (first frame)', 'notice.gif', 'image/gif', lureGif],
  ] as const)('reads a %s attachment', async (_format, name, mediaType, encode) => {
    const number = randomUsNumber();
    await expectFlagged(attachedEml({ name, mediaType, bytes: encode(number, { fontPx: 24 }) }), number, name);
  });

  // CI installs heif-enc (libheif-examples); elsewhere the case says why it cannot run.
  it.runIf(existsSync(HEIF_ENC) || process.env.CI)('reads a HEIC photo (as phones send them)', async () => {
    const number = randomUsNumber();
    await expectFlagged(attachedEml({ name: 'IMG_2041.HEIC', mediaType: 'image/heic', bytes: lureHeic(number, { fontPx: 28 }) }), number, 'IMG_2041.HEIC');
  });

  it('leaves the picture unread with OCR off (the text alone is not flagged)', async () => {
    const number = randomUsNumber();
    const { verdict, outcome } = await scanEml(attachedEml({ name: 'invoice.png', mediaType: 'image/png', bytes: lurePng(number) }), false);
    expect(outcome).toBeUndefined();
    expect(verdict.phones).toEqual([]);
  });
});
