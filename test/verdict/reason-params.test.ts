// The core gives every reason the values its catalogue sentence needs: reasons from real scans (the test's
// .eml fixtures, and messages built here for the feed, evasion and template rules) carry them all, and
// render in German from the catalogue, never in the core's English.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../shared/scan.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { FeedIndex, parseFeed } from '../../shared/feed/index.ts';
import { translatorFor } from '../../shared/i18n/catalogues.ts';
import { reasonText } from '../../shared/i18n/reason-text.ts';
import { missingParams } from '../../shared/verdict/reason-codes.ts';
import type { MailMessage, ReputationLookup, Verdict } from '../../shared/types.ts';
import { loadMessage } from '../saas/support/load-message.ts';
import { LURE, message } from './support/lure-message.ts';

const now = new Date('2026-03-10T12:00:00Z');
const de = translatorFor('de-DE');
const FIXTURE_DIRS = ['test/fixtures/eml', 'test/fixtures/saas'].map((d) => join(import.meta.dirname, '../..', d));

function feed(entries: object[]): ReputationLookup {
  return new FeedIndex([parseFeed(JSON.stringify({ format: 'ringfence-feed/1', name: 'Contoso SOC', entries })).feed], { ttlDays: 30 });
}

function judge(m: MailMessage, reputation?: ReputationLookup): Promise<Verdict> {
  return scan(m, { policy: mergePolicy({}, undefined), now, ...(reputation ? { reputation } : {}) });
}

/** Each reason as "code: what is wrong", for the reasons that lack a value or would not render from the catalogue. */
function problems(verdict: Verdict): string[] {
  return verdict.reasons.flatMap((r) => {
    const missing = missingParams(r);
    if (missing === undefined) return [`${r.code}: unknown code or variant ${String(r.params?.variant)}`];
    if (missing.length > 0) return [`${r.code}: no ${missing.join(', ')}`];
    const text = reasonText(r, verdict, de.t, de.locale);
    return text === r.message || /\{\w+\}|reason_/.test(text) ? [`${r.code}: not rendered (${text})`] : [];
  });
}

describe('reason params from real scans', () => {
  it('every reason the fixtures raise carries its sentence\'s values and renders in German', async () => {
    const seen = new Set<string>();
    const wrong: string[] = [];
    for (const dir of FIXTURE_DIRS) {
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.eml') && f !== 'not-an-email.eml')) {
        const verdict = await judge(await loadMessage(join(dir, name)));
        for (const r of verdict.reasons) seen.add(r.code);
        wrong.push(...problems(verdict).map((p) => `${name}: ${p}`));
      }
    }
    expect(wrong).toEqual([]);
    // The fixtures reach most SaaS and lure rules; the rest are built below.
    expect(seen.size).toBeGreaterThanOrEqual(14);
  });

  it('feed reasons name the list and give its facts as data', async () => {
    const number = await judge(message(LURE), feed([{ number: '+18047134598', verdict: 'scam', brands: ['PayPal'], lastSeen: '2026-03-08', reports: 1234 }]));
    expect(number.reasons[0]).toMatchObject({
      code: 'feed-number',
      params: { list: 'Contoso SOC', reports: 1234, brands: ['PayPal'], lastSeen: '2026-03-08' },
    });
    expect(reasonText(number.reasons[0]!, number, de.t, de.locale, { facts: true })).toBe(
      'Diese Nummer steht auf der Betrugsliste „Contoso SOC“ Ihres Sicherheitsteams. Sie wurde 1.234-mal gemeldet. ' +
        'Betrüger gaben sich damit als PayPal aus. Zuletzt gesehen am 8. März 2026.',
    );
    const minutes = message('Minutes of the meeting are attached. Dana: +1 804 713 0042', { subject: 'Minutes' });
    const block = await judge(minutes, feed([{ block: '+1804713', digits: 4, verdict: 'scam', lastSeen: '2026-03-01' }]));
    expect(block.reasons[0]).toMatchObject({ code: 'feed-block', params: { list: 'Contoso SOC', lastSeen: '2026-03-01' } });
    const expired = await judge(minutes, feed([{ number: '+18047130042', verdict: 'scam', lastSeen: '2025-01-01' }]));
    expect(expired.reasons[0]).toMatchObject({ code: 'feed-expired', params: { list: 'Contoso SOC', lastSeen: '2025-01-01' } });
    for (const v of [number, block, expired]) expect(problems(v)).toEqual([]);
  });

  it('a brand lure from a free mailbox says so, in params', async () => {
    const v = await judge(message(LURE));
    expect(v.reasons[0]).toMatchObject({ code: 'brand-callback-lure', params: { variant: 'freemail', brand: ['Norton'], domain: 'gmail.com' } });
    expect(problems(v)).toEqual([]);
  });

  it('invisible characters: how many, and whether they pad or split words', async () => {
    const split = 'Your N\u200Bor\u200Bton sub\u200Bscrip\u200Btion was re\u200Bnewed. Con\u200Btact bil\u200Bling to can\u200Bcel.';
    const words = await judge(message(split, { subject: 'Hello', from: { address: 'a@example.org', name: '' } }));
    expect(words.reasons.find((r) => r.code === 'evasive-text')).toMatchObject({ params: { count: 8 } });
    const padded = await judge(message(`Weekly news.${'\u200C'.repeat(1500)} Read more on our site.`, { subject: 'News', from: { address: 'news@example.org', name: '' } }));
    expect(padded.reasons.find((r) => r.code === 'evasive-text')).toMatchObject({ params: { variant: 'padding', count: 1000 } });
    for (const v of [words, padded]) expect(problems(v)).toEqual([]);
  });

  it('a scam template placeholder is quoted from the message', async () => {
    const v = await judge(message('Your Norton 360 renewal of $399.99 was charged. To cancel call +1 (XXX) XXX-XXXX now.'));
    const reason = v.reasons.find((r) => r.code === 'scam-template-placeholder');
    expect(reason?.params).toEqual({ placeholder: expect.stringContaining('XXX') });
    expect(problems(v)).toEqual([]);
  });
});
