// Every text key the surfaces use exists in every catalogue (German included), and rendering never shows a
// key name: a missing German key falls back to English.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, translatorFor } from '../../shared/i18n/catalogues.ts';
import { reasonSentenceKey, reasonText } from '../../shared/i18n/reason-text.ts';
import { MISFITS, REASON_FACTS, REASON_SENTENCES, TOPICS } from '../../shared/verdict/reason-codes.ts';
import { createTranslator } from '../../shared/i18n/translator.ts';
import { POLICY_KEYS } from '../../shared/policy/validate-policy.ts';

const ROOT = join(import.meta.dirname, '../..');
// Every surface that shows text: the whole add-in and extension, the shared banner and the CLI's verdict, and
// the shared code that says why a setting or a list update failed (surfaces render its notes).
const SOURCES = ['shared/browser/banner', 'shared/i18n', 'shared/policy', 'shared/feed-sync', 'extension', 'addin', 'cli/format-verdict.ts'];
const KEY_SHAPE = /^((banner|status|options|pane|notify|cli|action|popup|ext|reportDialog|policyProblem|feedProblem)[A-Z]|(policy|level|lineType|reason)_)[A-Za-z_]*$/;

function files(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full).flatMap((name) => files(join(path, name))).filter((f) => /\.tsx?$/.test(f));
}

/** String literals in the code that have the shape of a catalogue key (t('key'), key maps, ternaries). */
function keysUsedInCode(): Set<string> {
  const keys = new Set<string>();
  for (const file of SOURCES.flatMap(files)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/'([A-Za-z_]+)'/g)) if (KEY_SHAPE.test(match[1]!)) keys.add(match[1]!);
  }
  // Keys built at run time from data: reason sentences (every code and variant), feed facts, topics, misfits,
  // line types, policy keys and levels.
  for (const [code, variants] of Object.entries(REASON_SENTENCES)) for (const variant of Object.keys(variants)) keys.add(reasonSentenceKey(code, variant));
  for (const { key } of Object.values(REASON_FACTS)) keys.add(key);
  for (const topic of TOPICS) keys.add(`reason_topic_${topic.replace(/-/g, '_')}`);
  for (const misfit of MISFITS) keys.add(`reason_misfit_${misfit.replace(/-/g, '_')}`);
  const lineTypes = /export type LineType =([^;]+);/.exec(readFileSync(join(ROOT, 'shared/types.ts'), 'utf8'))![1]!.match(/'([a-z-]+)'/g)!;
  for (const type of lineTypes.map((l) => l.slice(1, -1)).filter((l) => l !== 'unknown')) keys.add(`lineType_${type.replace(/-/g, '_')}`);
  for (const key of POLICY_KEYS) keys.add(`policy_${key}`);
  for (const level of ['danger', 'warning', 'caution', 'none']) keys.add(`level_${level}`);
  return keys;
}

const hasKey = (catalogue: Record<string, unknown>, key: string) => key in catalogue || `${key}_other` in catalogue;

describe('locale catalogues', () => {
  const used = keysUsedInCode();

  it('finds the keys the code uses', () => {
    expect(used.size).toBeGreaterThan(100);
    expect(used).toContain('bannerReportQueued');
    expect(used).toContain('paneNoFindings');
    expect(used).toContain('reason_feed_number');
    // The add-in's read warnings, policy problems and report dialog; the extension popup.
    expect(used).toContain('paneWarnAttachment');
    expect(used).toContain('panePolicySettingIgnored');
    expect(used).toContain('reportDialogDelivered');
    expect(used).toContain('popupStatusFailed');
    // The policy checker's and the feed updates' problems (shared code, rendered by every surface).
    expect(used).toContain('policyProblemCountry');
    expect(used).toContain('policyProblemFeedAddress');
    expect(used).toContain('feedProblemServer');
    expect(used).toContain('feedProblemSignature');
    expect(used).toContain('statusPolicyProblemsAdmin');
    expect(used).toContain('optionsNotSavedSettings');
  });

  it('holds keys and messages the browser\'s i18n reads as they are (content scripts use chrome.i18n.getMessage)', () => {
    for (const catalogue of Object.values(CATALOGUES)) {
      // Key names: letters, digits and _ only; the browser compares them without case.
      expect(Object.keys(catalogue).filter((key) => !/^[A-Za-z0-9_]+$/.test(key))).toEqual([]);
      const lower = Object.keys(catalogue).map((key) => key.toLowerCase());
      expect(lower.filter((key, i) => lower.indexOf(key) !== i)).toEqual([]);
      // "$" starts a browser placeholder: parameters are {name} only, filled by our translator.
      expect(Object.entries(catalogue).filter(([, v]) => v?.message.includes('$')).map(([k]) => k)).toEqual([]);
    }
  });

  for (const [language, catalogue] of Object.entries(CATALOGUES)) {
    it(`${language}: holds every key used in code`, () => {
      expect([...used].filter((key) => !hasKey(catalogue, key))).toEqual([]);
    });
    it(`${language}: holds every key English has, each with a non-empty message`, () => {
      expect(Object.keys(CATALOGUES.en!).filter((key) => !(key in catalogue))).toEqual([]);
      expect(Object.entries(catalogue).filter(([, v]) => !v?.message.trim()).map(([k]) => k)).toEqual([]);
    });
  }

  it('German is really German: the banner, options and pane strings differ from English where words differ', () => {
    const de = translatorFor('de-DE').t;
    expect(de('bannerTitleDanger')).toBe('Betrugsalarm: nicht anrufen');
    expect(de('optionsManaged')).toBe('Von Ihrer Organisation festgelegt');
    expect(de('paneNoFindings')).toMatch(/^Ringfence hat in dieser Nachricht keine Warnzeichen gefunden/);
  });

  it('picks plurals by Intl.PluralRules and formats numbers for the reader\'s locale', () => {
    expect(translatorFor('en-US').t('statusEntries', { count: 1 })).toBe('1 number');
    expect(translatorFor('en-US').t('statusEntries', { count: 12345 })).toBe('12,345 numbers');
    expect(translatorFor('de-DE').t('statusEntries', { count: 1 })).toBe('1 Nummer');
    expect(translatorFor('de-DE').t('statusEntries', { count: 12345 })).toBe('12.345 Nummern');
    expect(translatorFor('de').t('reason_sighting_burst', { count: 3, days: 7 })).toBe('Diese Nummer stand in den letzten 7 Tagen in 3 Nachrichten an Sie.');
    expect(translatorFor('en').t('reason_sighting_burst', { count: 1, days: 7 })).toBe('This number was in 1 message you received in the last 7 days.');
  });

  it('falls back to English for a key missing in German, and never shows a key name', () => {
    const partial = createTranslator('de', { bannerDetails: { message: 'Details' } }, CATALOGUES.en!);
    expect(partial.t('bannerReportMessage')).toBe('Report message');
    expect(partial.t('noSuchKey')).toBe('');
  });

  it('chooses the language from a locale tag: de-DE, de_AT.UTF-8 and de give German; others English', () => {
    expect(translatorFor('de-AT').t('bannerShow')).toBe('Anzeigen');
    expect(translatorFor('fr-FR').t('bannerShow')).toBe('Show');
    expect(translatorFor(undefined).t('bannerShow')).toBe('Show');
  });

  it('leaves a reason whose sentence needs a count the core did not give in the core\'s English', () => {
    const de = translatorFor('de');
    expect(reasonText({ code: 'sighting-burst', message: '+18047134598 was in 4 messages you received in the last 7 days.' }, { brands: [] }, de.t, de.locale)).toBe(
      '+18047134598 was in 4 messages you received in the last 7 days.',
    );
  });

  it('fills a reason from the core\'s params first, joining lists in the reader\'s language', () => {
    const de = translatorFor('de-DE');
    const reason = { code: 'brand-mail-with-number', message: 'English', params: { brand: ['PayPal', 'Norton'], domain: 'paypal.com' } };
    expect(reasonText(reason, { brands: ['Other'] }, de.t, de.locale)).toBe(
      'Sie stammt wirklich von PayPal und Norton (paypal.com), aber Betrüger schreiben ihre Nummer auch in echte Rechnungen: Prüfen Sie sie vor dem Anruf auf der Website von PayPal und Norton.',
    );
  });
});
