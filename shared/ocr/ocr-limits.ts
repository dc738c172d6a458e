/** Bounds on OCR per message; every surface uses the same figures unless it passes its own. */
export interface OcrLimits {
  /** Pictures read per message. */
  maxImages: number;
  /** Pages without a text layer rendered and read per message, over all PDFs. */
  maxPdfPages: number;
  /** A picture narrower or lower than this (pixels) is a logo or an icon, not a page of text. */
  minSide: number;
  /** A picture with fewer pixels than this is skipped (tracking pixels, badges, small logos). */
  minPixels: number;
  /** A picture that says it is larger than this is not decoded at all (decompression bombs). */
  maxSourcePixels: number;
  /** Pixels handed to the recogniser per picture or page, after scaling. */
  maxOcrPixels: number;
  /** Longest side handed to the recogniser. */
  maxOcrSide: number;
  /** Wall-clock budget for OCR of one message; work still running then is abandoned. */
  timeoutMs: number;
}

export const OCR_LIMITS: Readonly<OcrLimits> = {
  maxImages: 4,
  maxPdfPages: 3,
  minSide: 48,
  minPixels: 40_000,
  maxSourcePixels: 60_000_000,
  maxOcrPixels: 5_000_000,
  maxOcrSide: 2_600,
  timeoutMs: 30_000,
};
