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
  | { type: 'scan'; surface: WebmailSurface; message: MailMessage }
  /** The message again with the pictures the page shows: OCR where it calls for it; null when nothing was read. */
  | { type: 'ocr'; surface: WebmailSurface; message: MailMessage; images: PageImage[] }
  | {
      type: 'report';
      surface: WebmailSurface;
      kind: ReportKind;
      verdict: Pick<Verdict, 'level' | 'reasons' | 'phones' | 'brands'>;
      message: MessageIdentity;
    }
  | { type: 'parse-headers'; raw: string }
  | { type: 'hello' }
  | { type: 'status' }
  | { type: 'sync-now' }
  | { type: 'flush-outbox' }
  /** Message keys whose warning the reader hid (extension storage; never sent anywhere). */
  | { type: 'dismissed-list' }
  | { type: 'dismissed-set'; key: string; hidden: boolean };

/** A picture the webmail page already loaded (inline image, image attachment), as base64. */
export interface PageImage {
  name: string;
  mediaType: string;
  base64: string;
}

export interface ScanResponse {
  verdict: Verdict;
  /** False when the verdict is below the policy's minimumBannerLevel. */
  show: boolean;
  /** True when a report endpoint is configured. */
  canReport: boolean;
  /** E.164 → international format, for display. */
  formatted: Record<string, string>;
}

export interface ReportResponse {
  id: string;
  queued: boolean;
  delivered: boolean;
}

export type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

/** From the background worker to the content scripts. */
export type ContentRequest = { type: 'rejudge' };
