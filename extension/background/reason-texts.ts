// The reasons' sentences, written in the worker in the reader's language (the browser's i18n gives the
// worker the same language and catalogue as the page), so that the content scripts carry no sentence
// registry or parameter formatting: the banner shows what comes with the verdict.
import type { Verdict } from '../../shared/types.ts';
import { reasonText } from '../../shared/i18n/reason-text.ts';
import type { ReasonTexts } from '../lib/messages.ts';
import { translator } from '../lib/translate.ts';

export function reasonTextsOf(verdict: Verdict): ReasonTexts {
  const { t, locale } = translator;
  return {
    compact: verdict.reasons.map((reason) => reasonText(reason, verdict, t, locale)),
    details: verdict.reasons.map((reason) => reasonText(reason, verdict, t, locale, { facts: true })),
  };
}
