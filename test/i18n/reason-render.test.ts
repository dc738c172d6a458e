// Every reason code and variant rendered in English and German from the params the core gives: whole
// sentences, no key names, no {placeholders} left, numbers, lists and dates written the reader's way.
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../shared/i18n/catalogues.ts';
import { reasonText } from '../../shared/i18n/reason-text.ts';
import type { Reason } from '../../shared/types.ts';
import { REASON_SAMPLES, registryVariants } from './support/reason-samples.ts';

const NO_VERDICT = { brands: [] };
const en = translatorFor('en-US');
const de = translatorFor('de-DE');
const render = (reason: Reason, t = de) => reasonText(reason, NO_VERDICT, t.t, t.locale, { facts: true });
const sample = (code: string, variant = 'default') =>
  REASON_SAMPLES.find((r) => r.code === code && (r.params?.variant ?? 'default') === variant)!;

describe('reason sentences from params', () => {
  it('the samples cover every code and variant of the registry', () => {
    const covered = new Set(REASON_SAMPLES.map((r) => `${r.code}/${r.params?.variant ?? 'default'}`));
    expect(registryVariants().filter((v) => !covered.has(v))).toEqual([]);
  });

  for (const translator of [en, de]) {
    it(`${translator.locale}: every sample is a catalogue sentence with every value filled in`, () => {
      for (const reason of REASON_SAMPLES) {
        const text = render(reason, translator);
        const label = `${reason.code}/${reason.params?.variant ?? 'default'}`;
        expect(text, label).not.toBe(reason.message);
        expect(text, label).not.toMatch(/\{\w*\}|reason_|undefined|NaN|\[object/);
        expect(text, label).toMatch(/^[\p{Lu}\d+„“"]/u);
        expect(text, label).toMatch(/[.!)]$/);
      }
    });
  }

  it('German differs from English in every sentence', () => {
    for (const reason of REASON_SAMPLES) expect(render(reason, de), reason.code).not.toBe(render(reason, en));
  });

  it('gives a feed reason\'s facts only when asked (the compact banner shows the sentence alone)', () => {
    expect(reasonText(sample('feed-number'), NO_VERDICT, de.t, de.locale)).toBe('Diese Nummer steht auf der Betrugsliste „Contoso SOC“ Ihres Sicherheitsteams.');
  });

  it('writes numbers, lists and dates of feed facts the reader\'s way', () => {
    expect(render(sample('feed-number'), en)).toBe(
      'This number is on your security team\'s scam list “Contoso SOC”. It was reported 1,234 times. ' +
        'Scammers used it posing as PayPal and Norton. Last seen on November 28, 2026.',
    );
    expect(render(sample('feed-number'), de)).toBe(
      'Diese Nummer steht auf der Betrugsliste „Contoso SOC“ Ihres Sicherheitsteams. Sie wurde 1.234-mal gemeldet. ' +
        'Betrüger gaben sich damit als PayPal und Norton aus. Zuletzt gesehen am 28. November 2026.',
    );
    expect(render(sample('feed-block'), de)).toMatch(/Sie wurde einmal gemeldet\.$/);
    expect(render(sample('feed-expired'), en)).toMatch(/the entry has expired\. First seen on January 5, 2025\.$/);
  });

  it('chooses plural forms by Intl.PluralRules', () => {
    expect(render(sample('sighting-multi-brand'), de)).toBe(
      'Diese Nummer stand in einer früheren Nachricht an Sie, die PayPal nannte; diese nennt Norton. Betrüger nutzen eine Nummer für mehrere Marken.',
    );
    const three = REASON_SAMPLES.find((r) => r.code === 'sighting-multi-brand' && r.params?.count === 3)!;
    expect(render(three, en)).toBe(
      'This number was in 3 earlier messages you received, naming PayPal and Amazon; this one names Norton. Scammers reuse one number across brands.',
    );
    expect(render(sample('sighting-burst'), de)).toBe('Diese Nummer stand in den letzten 7 Tagen in 4 Nachrichten an Sie.');
  });

  it('formats counts for the locale: German 1.234, English 1,234', () => {
    expect(render(sample('saas-mass-mentions'), de)).toMatch(/^Sie erwähnt 1\.234 verschiedene Konten auf einmal, so bringen Spammer GitHub dazu/);
    expect(render(sample('saas-mass-mentions'), en)).toMatch(/^It mentions 1,234 different accounts at once/);
    expect(render(sample('evasive-text'), de)).toBe('Sie versteckt 1.234 unsichtbare Zeichen in ihren Wörtern, um Spamfilter zu umgehen.');
    expect(render(sample('evasive-callback', 'padding'), de)).toMatch(/^Eine Folge von 1\.000 oder mehr unsichtbaren Zeichen/);
  });

  it('renders topics and misfits in the reader\'s words', () => {
    expect(render(sample('callback-lure'), de)).toMatch(/^Es geht um eine Rechnung, und Sie sollen anrufen\./);
    expect(render(sample('callback-lure', 'freemail'), en)).toMatch(/^It is about a purchase you may not recognise, comes from a free outlook\.com mailbox/);
    expect(render(sample('callback-lure-no-number'), de)).toMatch(/^Sie gibt sich als Norton aus, es geht um eine Verlängerung,/);
    expect(render(sample('saas-semantic-mismatch'), de)).toBe(
      'GitHub-Benachrichtigungen werden nicht für Rechnungen und Telefonnummern zum Anrufen genutzt; diese enthält so etwas.',
    );
    expect(render(sample('saas-semantic-mismatch', 'unchecked'), en)).toMatch(
      /about billing notices, payment requests, and account-lock warnings, which Zendesk does not send this way\.$/,
    );
  });

  it('names brands, hosts, instances and the sender\'s domain from the params', () => {
    expect(render(sample('brand-callback-lure', 'freemail'), de)).toMatch(/^Sie gibt sich als PayPal und Norton aus, kommt aber aus einem kostenlosen Postfach bei gmail\.com,/);
    expect(render(sample('brand-callback-lure', 'other-domain'), en)).toMatch(/^It puts Geek Squad in the sender's name but was sent from mail-service\.ru,/);
    expect(render(sample('saas-untrusted-instance', 'invite'), de)).toMatch(/^Zendesk hat Ihnen eine Einladung von kandypens\.zendesk\.com geschickt/);
    expect(render(sample('saas-redirect-link'), de)).toMatch(/^Sie verlinkt über bit\.ly und t\.co,/);
    expect(render(sample('saas-brand-not-merchant', 'call'), en)).toMatch(/^This PayPal invoice comes from the seller “J\. Smith”, but it is about Norton and McAfee/);
  });

  it('keeps the core\'s English for a reason without a value its sentence needs, or an unknown code', () => {
    const message = 'This message is about an invoice.';
    expect(render({ code: 'callback-lure', message, params: { variant: 'names-brand' } })).toBe(message);
    expect(render({ code: 'callback-lure', message, params: { variant: 'no-such-variant', topic: 'invoice' } })).toBe(message);
    expect(render({ code: 'some-new-rule', message })).toBe(message);
  });
});
