// The extension's text: `_locales` through the browser's own i18n (`--lang=de` gives German; a key missing in
// the reader's language comes from default_locale, English). The catalogue JSON is not bundled: content
// scripts run in every webmail tab and must stay small. Plurals and numbers as everywhere (shared/i18n).
import { browser } from './browser-api.ts';
import { createLookupTranslator, type Translator } from '../../shared/i18n/translator.ts';

export const translator: Translator = createLookupTranslator(uiLanguage(), browserMessage);
export const translate = translator.t;
export const message = translator.t;

/** `getMessage` answers "" for a key no catalogue holds. */
function browserMessage(key: string): string | undefined {
  try {
    return browser.i18n.getMessage(key) || undefined;
  } catch {
    return undefined;
  }
}

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
