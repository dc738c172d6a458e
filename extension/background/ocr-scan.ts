// Second look at a message with its pictures, which a content script sent after the first verdict: the raw
// message's pictures and PDFs (Gmail) or the pictures the page loaded, read where the message calls for it
// (policy ocr, planOcr), then the verdict again. Null when nothing was read, so the banner stays as it is.
import { fillOcrText } from '../../shared/mime/attachment-text.ts';
import { pictureTrigger } from '../../shared/ocr/plan-ocr.ts';
import type { Attachment, MailMessage } from '../../shared/types.ts';
import type { PageImage, RawMessageText, ScanResponse } from '../lib/messages.ts';
import { fromBase64 } from '../offscreen/ocr-protocol.ts';
import { offscreenRecogniser, warmOcr } from './ocr-document.ts';
import { getPolicyForScan } from './policy.ts';
import { scanMessage } from './scan-message.ts';
import { rawPictures } from './raw-pictures.ts';

/** Pictures accepted per message, and their total size. */
const MAX_IMAGES = 8;
const MAX_TOTAL_BYTES = 30 * 1024 * 1024;

export async function ocrScan(message: MailMessage, images: readonly PageImage[], raw?: RawMessageText): Promise<ScanResponse | null> {
  const { effective } = await getPolicyForScan();
  if (effective.ocr === false) return null;
  const found = raw ? await rawPictures(raw) : [];
  const withImages: MailMessage = { ...message, parts: [...message.parts], attachments: [...message.attachments] };
  let total = 0;
  for (const attachment of [...found, ...images.map(fromPage)].slice(0, MAX_IMAGES)) {
    if (!attachment) continue;
    total += attachment.size;
    if (total > MAX_TOTAL_BYTES) break;
    withImages.attachments.push(attachment);
  }
  if (withImages.attachments.length === message.attachments.length) return null;
  const outcome = await fillOcrText(withImages, offscreenRecogniser, { defaultRegion: effective.defaultRegion, extraBrands: effective.extraBrands });
  if (outcome.read.length === 0) return null;
  for (const attachment of withImages.attachments) delete attachment.content;
  return scanMessage(withImages);
}

/** A page's picture as an attachment; undefined for a data: URL that is not a base64 picture. */
function fromPage(image: PageImage): Attachment | undefined {
  const match = /^data:(image\/[\w.+-]+)(?:;[^,]*)?;base64,/i.exec(String(image.dataUrl));
  if (!match) return undefined;
  const content = fromBase64(image.dataUrl.slice(match[0].length));
  return { name: String(image.name), mediaType: match[1]!.toLowerCase(), size: content.length, content };
}

/**
 * The first verdict of a message, with whether its text calls for reading its pictures. When the page shows
 * the message with pictures and its text calls for them, the OCR document starts loading at once, beside the
 * scan, so it is ready by the time the content script has fetched the pictures.
 */
export async function withPictureHint(message: MailMessage, pictures: boolean | undefined, scan: Promise<ScanResponse>): Promise<ScanResponse> {
  scan.catch(() => {}); // awaited below; a failure must not count as unhandled meanwhile
  const wanted = pictures === true && (await picturesCalledFor(message));
  if (wanted) warmOcr();
  const response = await scan;
  return wanted ? { ...response, readPictures: true } : response;
}

async function picturesCalledFor(message: MailMessage): Promise<boolean> {
  const { effective } = await getPolicyForScan();
  return effective.ocr !== false && pictureTrigger(message, { defaultRegion: effective.defaultRegion, extraBrands: effective.extraBrands }) !== undefined;
}
