import { isPdfAttachment } from '../mime/attachment-text.ts';
import { ownTextParts, visibleParts } from '../message-parts.ts';
import { extractPhones } from '../phone/index.ts';
import { extractLure } from '../lure/index.ts';
import { renderedLength } from '../verdict/rendered-length.ts';
import type { Attachment, MailMessage } from '../types.ts';
import { imageKindOf, type ImageKind } from './image-kind.ts';
import { imageSize } from './image-size.ts';
import { OCR_LIMITS, type OcrLimits } from './ocr-limits.ts';

/** Why a message is read with OCR; none of these holds for most mail, which then gets no OCR at all. */
export type OcrTrigger = 'thin-text' | 'lure-without-number' | 'pdf-without-text';

export interface OcrTarget {
  attachment: Attachment;
  kind: ImageKind | 'pdf';
}

export interface OcrPlan {
  /** Undefined when the message does not call for OCR; targets are then empty. */
  trigger?: OcrTrigger;
  targets: OcrTarget[];
}

export interface PlanOptions {
  defaultRegion?: string;
  extraBrands?: readonly string[];
  limits?: Partial<OcrLimits>;
}

/** Body text shorter than this (as rendered, subject left out) is thin next to a picture. */
const THIN_TEXT = 200;
/** Pictures of unknown size (TIFF, HEIC) smaller than this are icons. */
const MIN_UNKNOWN_BYTES = 4_096;
const POINTS_TO_ATTACHMENT = /\b(?:see|view|open|find|review|check|refer to)\b[^.\n]{0,40}\battach|\battached\b|\benclosed\b|\bin the (?:attachment|document|pdf|image|picture)\b/i;

/** True for a picture big enough to hold text worth reading, and small enough to decode safely. */
function readablePicture(attachment: Attachment, kind: ImageKind, limits: OcrLimits): boolean {
  const bytes = attachment.content!;
  const size = imageSize(bytes, kind);
  if (!size) return bytes.length >= MIN_UNKNOWN_BYTES;
  const pixels = size.width * size.height;
  return Math.min(size.width, size.height) >= limits.minSide && pixels >= limits.minPixels && pixels <= limits.maxSourcePixels;
}

function candidates(message: MailMessage, limits: OcrLimits): { pictures: OcrTarget[]; pdfs: OcrTarget[] } {
  const pictures: OcrTarget[] = [];
  const pdfs: OcrTarget[] = [];
  for (const attachment of message.attachments) {
    if (!attachment.content || attachment.content.length === 0) continue;
    const kind = imageKindOf(attachment);
    if (kind) {
      if (readablePicture(attachment, kind, limits)) pictures.push({ attachment, kind });
    } else if (isPdfAttachment(attachment)) pdfs.push({ attachment, kind: 'pdf' });
  }
  return { pictures, pdfs };
}

/** True when the visible text sets up a lure (a brand, billing or account talk, "see attached") without a number. */
function lureWithoutNumber(message: MailMessage, options: PlanOptions): boolean {
  const parts = visibleParts(message);
  const { phones } = extractPhones(parts, options.defaultRegion ? { defaultRegion: options.defaultRegion } : {});
  if (phones.length > 0) return false;
  const lure = extractLure(parts, phones, { extraBrands: options.extraBrands ?? [] });
  if (lure.brands.length > 0 || lure.contexts.length > 0) return true;
  return ownTextParts(parts).some((part) => POINTS_TO_ATTACHMENT.test(part.text));
}

function thinText(message: MailMessage): boolean {
  let length = 0;
  for (const part of ownTextParts(visibleParts(message))) {
    if (part.id === 'subject') continue;
    length += renderedLength(part.text);
    if (length >= THIN_TEXT) return false;
  }
  return true;
}

/**
 * Why the message's text calls for reading its pictures (thin next to them, or a lure without a number);
 * undefined when it does not. Surfaces that fetch pictures apart from the text ask this first.
 */
export function pictureTrigger(message: MailMessage, options: PlanOptions = {}): OcrTrigger | undefined {
  if (thinText(message)) return 'thin-text';
  if (lureWithoutNumber(message, options)) return 'lure-without-number';
  return undefined;
}

/**
 * Decides whether a message is read with OCR, and what: its pictures when the text is thin next to them or
 * sets up a lure without a number; a PDF whose text layer is empty always (its pages are pictures). PDFs with
 * text join only when the message calls for OCR anyway; the runner then reads just their pages without text.
 * Pure: no decoding, only header sizes.
 */
export function planOcr(message: MailMessage, options: PlanOptions = {}): OcrPlan {
  const limits = { ...OCR_LIMITS, ...options.limits };
  const { pictures, pdfs } = candidates(message, limits);
  if (pictures.length === 0 && pdfs.length === 0) return { targets: [] };
  const textless = pdfs.filter((t) => (t.attachment.text ?? '').trim() === '');
  let trigger: OcrTrigger | undefined;
  if (pictures.length > 0 && thinText(message)) trigger = 'thin-text';
  else if (lureWithoutNumber(message, options)) trigger = 'lure-without-number';
  else if (textless.length > 0) trigger = 'pdf-without-text';
  if (!trigger) return { targets: [] };
  const pdfTargets = trigger === 'pdf-without-text' ? textless : pdfs;
  const pictureTargets = trigger === 'pdf-without-text' ? [] : pictures.slice(0, limits.maxImages);
  return { trigger, targets: [...pictureTargets, ...pdfTargets] };
}
