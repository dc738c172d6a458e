// The payload a "Report scam" sends: DESIGN.md's report payload (kind "message") plus what the reader said
// in the dialog, and optionally the .eml for the security team's report mailbox.
import { buildReportPayload } from '../../shared/report/build-report-payload.ts';
import type { ReportPayload } from '../../shared/report/report-payload.ts';
import type { MailMessage, Verdict } from '../../shared/types.ts';
import { bytesToBase64 } from '../outlook/base64.ts';
import { chosenOptions, cleanFreeText, type ReportOptionCode } from './report-options.ts';

/** Larger messages are reported without their .eml (the endpoint's body limit, the outbox's size). */
export const EML_MAX_BYTES = 10 * 1024 * 1024;

export interface MessageReportPayload extends ReportPayload {
  /** What the reader chose and wrote in Outlook's report dialog. */
  userReport: { categories: ReportOptionCode[]; comment: string };
  /** The reported message, for the endpoint to forward to `reportMailbox` (only when the policy names one). */
  eml?: { name: string; mediaType: 'message/rfc822'; size: number; base64: string };
  /** Why the .eml is absent although a report mailbox is set. */
  emlOmitted?: 'too-large' | 'unavailable';
}

export interface MessageReportInput {
  id: string;
  now: Date;
  version: string;
  message: MailMessage;
  verdict: Verdict;
  dialog: { options?: readonly unknown[]; freeText?: unknown };
  /** The .eml bytes, when read whole. */
  eml?: Uint8Array;
  /** True when the policy names a report mailbox: the .eml goes with the report. */
  keepEml: boolean;
}

export function buildMessageReport(input: MessageReportInput): MessageReportPayload {
  const base = buildReportPayload({
    id: input.id,
    kind: 'message',
    reportedAt: input.now,
    verdict: input.verdict,
    message: input.message,
    surface: 'outlook-addin',
    version: input.version,
  });
  const payload: MessageReportPayload = {
    ...base,
    userReport: { categories: chosenOptions(input.dialog.options), comment: cleanFreeText(input.dialog.freeText) },
  };
  if (input.keepEml) {
    if (!input.eml) payload.emlOmitted = 'unavailable';
    else if (input.eml.length > EML_MAX_BYTES) payload.emlOmitted = 'too-large';
    else payload.eml = { name: 'reported-message.eml', mediaType: 'message/rfc822', size: input.eml.length, base64: bytesToBase64(input.eml) };
  }
  return payload;
}
