// The locale catalogues every surface renders from: the extension's `_locales`, read as data (the add-in
// and the command line use the same files). English is complete and the fallback for any missing key.
import en from '../../extension/_locales/en/messages.json' with { type: 'json' };
import de from '../../extension/_locales/de/messages.json' with { type: 'json' };
import { catalogueLanguage, createTranslator, type Catalogue, type Translator } from './translator.ts';

export const CATALOGUES: Record<string, Catalogue> = { en, de };
export const LANGUAGES = Object.keys(CATALOGUES);

/** A translator for a BCP 47 locale ("de-DE", "de", "en-GB"); languages without a catalogue get English. */
export function translatorFor(locale: string | undefined): Translator {
  const language = catalogueLanguage(locale, LANGUAGES);
  return createTranslator(language === 'en' ? (locale || 'en') : locale!, CATALOGUES[language]!, en);
}
