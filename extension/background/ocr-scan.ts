// Second look at a message the content script sent with its pictures: OCR where the message calls for it
// (policy ocr, planOcr), then the verdict again. Null when nothing was read, so the banner stays as it is.
import { fillOcrText } from '../../shared/mime/attachment-text.ts';
import type { MailMessage } from '../../shared/types.ts';
import type { PageImage, ScanResponse } from '../lib/messages.ts';
import { fromBase64 } from '../offscreen/ocr-protocol.ts';
import { offscreenRecogniser } from './ocr-document.ts';
import { getPolicyForScan } from './policy.ts';
import { scanMessage } from './scan-message.ts';

/** Pictures accepted from a page per message, and their total size. */
const MAX_IMAGES = 8;
const MAX_TOTAL_BYTES = 30 * 1024 * 1024;

export async function ocrScan(message: MailMessage, images: readonly PageImage[]): Promise<ScanResponse | null> {
  const { effective } = await getPolicyForScan();
  if (effective.ocr === false || images.length === 0) return null;
  const withImages: MailMessage = { ...message, parts: [...message.parts], attachments: [...message.attachments] };
  let total = 0;
  for (const image of images.slice(0, MAX_IMAGES)) {
    const bytes = fromBase64(image.base64);
    total += bytes.length;
    if (total > MAX_TOTAL_BYTES) break;
    withImages.attachments.push({ name: image.name, mediaType: image.mediaType, size: bytes.length, content: bytes });
  }
  const outcome = await fillOcrText(withImages, offscreenRecogniser, { defaultRegion: effective.defaultRegion, extraBrands: effective.extraBrands });
  if (outcome.read.length === 0) return null;
  for (const attachment of withImages.attachments) delete attachment.content;
  return scanMessage(withImages);
}
