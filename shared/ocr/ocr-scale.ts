import type { OcrLimits } from './ocr-limits.ts';
import type { PixelSize } from './image-size.ts';

// Below this width a picture of text is usually small print: it is enlarged, which helps the recogniser.
const SMALL_WIDTH = 1_200;
const MAX_ENLARGE = 2.5;

/** The size a picture is scaled to before OCR: small ones enlarged, large ones shrunk to the pixel budget. */
export function ocrScale(size: PixelSize, limits: Pick<OcrLimits, 'maxOcrPixels' | 'maxOcrSide'>): PixelSize {
  const { width, height } = size;
  let factor = width < SMALL_WIDTH ? Math.min(MAX_ENLARGE, SMALL_WIDTH / width) : 1;
  factor = Math.min(factor, limits.maxOcrSide / Math.max(width, height));
  factor = Math.min(factor, Math.sqrt(limits.maxOcrPixels / (width * height)));
  return { width: Math.max(1, Math.round(width * factor)), height: Math.max(1, Math.round(height * factor)) };
}
