import browser from 'webextension-polyfill';
import { translatorFor } from '../../shared/i18n/catalogues.ts';
import type { Translator } from '../../shared/i18n/translator.ts';

/** Text from `_locales` in the browser's language (`--lang=de` gives German); English where a key is missing. */
export const translator: Translator = translatorFor(uiLanguage());
export const translate = translator.t;
export const message = translator.t;

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
