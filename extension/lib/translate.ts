import browser from 'webextension-polyfill';
import type { Translate } from '../../shared/browser/banner/banner-messages.ts';

/** Text from `_locales` in the browser's language (English when a string is not translated yet). */
export const translate: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key;

/** Same, for the extension's own pages, whose keys are not the banner's. */
export function message(key: string, substitutions?: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
