// The report dialog's options, in the order manifest.xml lists them: SpamReportingEventArgs.options[i]
// is true when the reader ticked option i.

export const REPORT_OPTIONS = [
  { code: 'scam-number', resid: 'Option.ScamNumber' },
  { code: 'fake-notification', resid: 'Option.FakeNotification' },
  { code: 'other-phishing', resid: 'Option.OtherPhishing' },
] as const;

export type ReportOptionCode = (typeof REPORT_OPTIONS)[number]['code'];

export function chosenOptions(options: readonly unknown[] | undefined): ReportOptionCode[] {
  if (!Array.isArray(options)) return [];
  return REPORT_OPTIONS.filter((_, i) => options[i] === true).map((o) => o.code);
}

export const FREE_TEXT_MAX = 2000;

/** The reader's comment: trimmed, control characters removed, capped. */
export function cleanFreeText(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim().slice(0, FREE_TEXT_MAX);
}
