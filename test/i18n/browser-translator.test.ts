// The extension's translator reads `_locales` through the browser's i18n (as content scripts must: the
// catalogue JSON is not bundled into them). Here getMessage behaves as Chromium's: the UI language's
// catalogue, then default_locale (English), then "".
import { describe, expect, it, vi } from 'vitest';
import { CATALOGUES } from '../../shared/i18n/catalogues.ts';

const browserI18n = vi.hoisted(() => ({ language: 'de-DE', catalogues: {} as Record<string, Record<string, { message: string } | undefined>> }));

// Content scripts and the pages' shared helpers reach the extension API through browser-api.ts (no polyfill).
vi.mock('../../extension/lib/browser-api.ts', async () => ({ browser: (await import('webextension-polyfill')).default }));
vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: {
      getUILanguage: () => browserI18n.language,
      getMessage: (key: string) => {
        const own = browserI18n.catalogues[browserI18n.language.split('-')[0]!];
        return own?.[key]?.message ?? browserI18n.catalogues.en?.[key]?.message ?? '';
      },
    },
  },
}));

async function extensionTranslator(language: string, catalogues: typeof browserI18n.catalogues) {
  browserI18n.language = language;
  browserI18n.catalogues = catalogues;
  vi.resetModules();
  return (await import('../../extension/lib/translate.ts')).translator;
}

describe('extension translator over browser.i18n', () => {
  it('gives German under a German browser, with plurals chosen by Intl.PluralRules among the catalogue\'s keys', async () => {
    const translator = await extensionTranslator('de-DE', CATALOGUES);
    expect(translator.locale).toBe('de-DE');
    expect(translator.t('bannerTitleDanger')).toBe('Betrugsalarm: nicht anrufen');
    expect(translator.t('statusEntries', { count: 1 })).toBe('1 Nummer');
    expect(translator.t('statusEntries', { count: 12345 })).toBe('12.345 Nummern');
    expect(translator.t('bannerMoreNumbers', { count: 2 })).toBe(CATALOGUES.de!.bannerMoreNumbers_other!.message.replace('{count}', '2'));
  });

  it('gives English under an English browser', async () => {
    const translator = await extensionTranslator('en-US', CATALOGUES);
    expect(translator.t('statusEntries', { count: 1 })).toBe('1 number');
    expect(translator.t('statusEntries', { count: 2500 })).toBe('2,500 numbers');
  });

  it('falls back to English for a key German lacks, and never shows a key name', async () => {
    const translator = await extensionTranslator('de', { en: CATALOGUES.en!, de: { bannerShow: { message: 'Anzeigen' } } });
    expect(translator.t('bannerShow')).toBe('Anzeigen');
    expect(translator.t('bannerReportMessage')).toBe('Report message');
    expect(translator.t('statusEntries', { count: 3 })).toBe('3 numbers');
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(translator.t('noSuchKey')).toBe('');
  });
});
