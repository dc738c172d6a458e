// Messages between content scripts (and extension pages) and the background worker.
import type { Address, MailMessage, Verdict } from '../../shared/types.ts';
import type { ReportKind } from '../../shared/report/report-payload.ts';

export type WebmailSurface = 'gmail' | 'outlook-web';

export interface MessageIdentity {
  subject: string;
  from: Address | null;
  date: string | null;
  messageId?: string | undefined;
}

export type BackgroundRequest =
  /**
   * `key`: the page's id of the message, for the worker's count of scans per message (diagnostics).
   * `pictures`: the page shows pictures or attachments with the message (OCR is warmed when its text calls for them).
   * `keepBody`: the message's headers are still coming; the worker keeps what it read of the body (by `key`)
   * for the 'scan-headers' that follows, or until 'drop-body'.
   */
  | { type: 'scan'; surface: WebmailSurface; message: MailMessage; key?: string; pictures?: boolean; keepBody?: boolean }
  /** The message again, now with its headers, after a 'scan' with `keepBody`: judged on the kept body (scanned again only if it no longer fits). */
  | { type: 'scan-headers'; surface: WebmailSurface; message: MailMessage; key: string }
  /** The message of a 'scan' with `keepBody` left the page before its headers came. */
  | { type: 'drop-body'; key: string }
  /**
   * The message again with its pictures: the raw message where the webmail serves it (its image and PDF parts
   * are taken there), else the pictures the page shows. OCR where it calls for it; null when nothing was read.
   */
  | { type: 'ocr'; surface: WebmailSurface; message: MailMessage; images: PageImage[]; raw?: RawMessageText }
  | {
      type: 'report';
      surface: WebmailSurface;
      kind: ReportKind;
      verdict: Pick<Verdict, 'level' | 'reasons' | 'phones' | 'brands'>;
      message: MessageIdentity;
    }
  /** `html`: `raw` is the start of an HTML page holding the raw message in a <pre> (Gmail's "Show original"). */
  | { type: 'parse-headers'; raw: string; html?: boolean }
  | { type: 'hello' }
  | { type: 'status' }
  | { type: 'sync-now' }
  | { type: 'flush-outbox' }
  /** Message keys whose warning the reader hid (extension storage; never sent anywhere). */
  | { type: 'dismissed-list' }
  | { type: 'dismissed-set'; key: string; hidden: boolean };

/** A picture the webmail page already loaded (inline image, image attachment), as a data: URL. */
export interface PageImage {
  name: string;
  dataUrl: string;
}

/** The raw message as the webmail served it: RFC 5322 text, or an HTML page holding it in a <pre>. */
export interface RawMessageText {
  text: string;
  html: boolean;
}

export interface ScanResponse {
  verdict: Verdict;
  /** False when the verdict is below the policy's minimumBannerLevel. */
  show: boolean;
  /** True when a report endpoint is configured. */
  canReport: boolean;
  /** E.164 → international format, for display. */
  formatted: Record<string, string>;
  /** The text calls for reading the message's pictures (thin next to them, or a lure without a number). */
  readPictures?: boolean;
  /** Each reason's sentence in the reader's language, in the order of verdict.reasons (written by the worker). */
  reasonTexts?: ReasonTexts;
}

/** `compact`: the sentence alone (the banner's one reason); `details`: with what a scam list knows of the number. */
export interface ReasonTexts {
  compact: string[];
  details: string[];
}

export interface ReportResponse {
  id: string;
  queued: boolean;
  delivered: boolean;
}

export type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

/** From the background worker to the content scripts. */
export type ContentRequest = { type: 'rejudge' };
