import type { Attachment, MailMessage } from '../types.ts';
import { planOcr, type OcrTrigger, type PlanOptions } from '../ocr/plan-ocr.ts';
import { ocrPartId, shapeOcrText } from '../ocr/ocr-text.ts';
import { OCR_LIMITS } from '../ocr/ocr-limits.ts';
import type { ImageKind } from '../ocr/image-kind.ts';

export type AttachmentTextExtractor = (attachment: Attachment) => Promise<string | undefined>;

export interface AttachmentTextLimits {
  /** PDFs handed to the extractor per message (default 10). */
  maxAttachments?: number;
  /** Total PDF bytes handed to the extractor per message (default 50 MB). */
  maxTotalBytes?: number;
  /** Wall-clock budget for the whole message (default 30 s); extraction still running then is abandoned. */
  timeoutMs?: number;
}

const DEFAULTS: Required<AttachmentTextLimits> = {
  maxAttachments: 10,
  maxTotalBytes: 50 * 1024 * 1024,
  timeoutMs: 30_000,
};

const PDF_TYPES = new Set(['application/pdf', 'application/x-pdf', 'application/acrobat', 'applications/vnd.pdf']);
const GENERIC_TYPES = new Set(['application/octet-stream', 'application/binary', 'application/x-download', 'binary/octet-stream']);
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
// Readers accept the header anywhere in the first kilobyte.
const MAGIC_WINDOW = 1024;

function hasPdfMagic(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, MAGIC_WINDOW) - PDF_MAGIC.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < PDF_MAGIC.length; j++) if (bytes[i + j] !== PDF_MAGIC[j]) continue outer;
    return true;
  }
  return false;
}

/** True for a PDF by media type or file name, or a generic binary whose bytes start like a PDF. */
export function isPdfAttachment(attachment: Attachment): boolean {
  if (PDF_TYPES.has(attachment.mediaType)) return true;
  if (/\.pdf$/i.test(attachment.name.trim())) return true;
  return GENERIC_TYPES.has(attachment.mediaType) && attachment.content !== undefined && hasPdfMagic(attachment.content);
}

/**
 * Fills `text` of the message's PDF attachments using `extract` (pdfjs in the CLI, an offscreen document in
 * the extension). One failing or slow PDF never fails the message: its error is swallowed and it gets no
 * text. Count, size and time are bounded per message.
 */
export async function fillAttachmentText(
  message: MailMessage,
  extract: AttachmentTextExtractor,
  limits: AttachmentTextLimits = {},
): Promise<void> {
  const { maxAttachments, maxTotalBytes, timeoutMs } = { ...DEFAULTS, ...limits };
  const deadline = Date.now() + timeoutMs;
  let handed = 0;
  let bytes = 0;
  for (const attachment of message.attachments) {
    if (attachment.text !== undefined || !attachment.content || attachment.content.length === 0) continue;
    if (!isPdfAttachment(attachment)) continue;
    if (handed >= maxAttachments || bytes + attachment.content.length > maxTotalBytes) continue;
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    handed++;
    bytes += attachment.content.length;
    const text = await withinTime(Promise.resolve().then(() => extract(attachment)), remaining).catch(() => undefined);
    if (typeof text === 'string' && text.trim() !== '') attachment.text = text;
  }
}

function withinTime<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  work.catch(() => undefined); // a late rejection after the timeout must not go unhandled
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** One picture or PDF handed to a surface's recogniser. For a PDF, only pages without a text layer are read. */
export interface OcrRequest {
  name: string;
  kind: ImageKind | 'pdf';
  bytes: Uint8Array;
  /** PDF pages the recogniser may still read for this message. */
  maxPages: number;
}

export interface OcrResult {
  text: string;
  /** PDF pages rendered and read (0 for a picture). */
  pages: number;
}

export type OcrRecogniser = (request: OcrRequest) => Promise<OcrResult | undefined>;

export interface OcrOutcome {
  /** Why OCR ran; undefined when the message did not call for it (nothing was read). */
  trigger?: OcrTrigger;
  /** Names of the attachments whose text OCR added. */
  read: string[];
  ms: number;
}

/**
 * OCR as one more extractor, run after fillAttachmentText (it needs to know which PDFs have no text): when
 * planOcr says the message calls for it, hands its pictures and PDFs to `recognise` (a surface's worker) and
 * adds what was read as "ocr:<name>" parts. Failures and timeouts lose only that attachment's text.
 */
export async function fillOcrText(
  message: MailMessage,
  recognise: OcrRecogniser,
  options: PlanOptions = {},
): Promise<OcrOutcome> {
  const started = Date.now();
  const limits = { ...OCR_LIMITS, ...options.limits };
  const plan = planOcr(message, options);
  const outcome: OcrOutcome = { read: [], ms: 0 };
  if (plan.trigger) outcome.trigger = plan.trigger;
  const deadline = started + limits.timeoutMs;
  let pagesLeft = limits.maxPdfPages;
  for (const { attachment, kind } of plan.targets) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    if (kind === 'pdf' && pagesLeft <= 0) continue;
    const id = ocrPartId(attachment.name);
    if (message.parts.some((p) => p.id === id)) continue;
    const request: OcrRequest = { name: attachment.name, kind, bytes: attachment.content!, maxPages: pagesLeft };
    const result = await withinTime(Promise.resolve().then(() => recognise(request)), remaining).catch(() => undefined);
    if (!result) continue;
    pagesLeft -= result.pages;
    const text = shapeOcrText(result.text);
    if (text === '') continue;
    message.parts.push({ id, text });
    outcome.read.push(attachment.name);
  }
  outcome.ms = Date.now() - started;
  return outcome;
}
