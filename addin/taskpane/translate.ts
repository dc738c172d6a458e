// The pane's strings: the extension's catalogue, in Outlook's display language (English where a key is missing).
import { translatorFor } from '../../shared/i18n/catalogues.ts';
import type { Translator } from '../../shared/i18n/translator.ts';

let cached: { language: string; translator: Translator } | undefined;

/** The translator for `Office.context.displayLanguage` (the browser's language before Office is ready). */
export function paneTranslator(): Translator {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  const language = office?.context?.displayLanguage || globalThis.navigator?.language || 'en';
  if (cached?.language !== language) cached = { language, translator: translatorFor(language) };
  return cached.translator;
}
