// The banner's text comes from a locale catalogue (shared/i18n); surfaces pass a translator.
export type { Translate, Translator } from '../../i18n/translator.ts';

/** What became of a report: delivered to the endpoint, or kept in the outbox until the endpoint answers. */
export type ReportOutcome = 'sent' | 'queued';
