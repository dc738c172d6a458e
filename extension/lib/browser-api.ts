// The extension API for content scripts, without webextension-polyfill (~3 KB gzip in every webmail tab):
// Firefox has `browser` natively; Chromium's MV3 `chrome` returns promises from runtime.sendMessage and
// storage, and i18n is synchronous. Only the calls content scripts make are relied on here; the worker
// and the extension pages keep the polyfill.
import type { Browser } from 'webextension-polyfill';

type Global = { browser?: Browser; chrome?: Browser };

function extensionApi(): Browser {
  const global = globalThis as unknown as Global;
  const api = global.browser?.runtime ? global.browser : global.chrome;
  if (!api?.runtime) throw new Error('Ringfence: not running as an extension script');
  return api;
}

export const browser: Browser = extensionApi();
