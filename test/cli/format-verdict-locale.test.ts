import { describe, expect, it } from 'vitest';
import { localeFromEnv, verdictJson, verdictText } from '../../cli/format-verdict.ts';
import type { Verdict } from '../../shared/types.ts';

const verdict: Verdict = {
  level: 'danger',
  reasons: [{ code: 'feed-number', message: '+18047134598 is on a scam-number list (Example feed).', params: { list: 'Example feed' } }],
  phones: [{ e164: '+18047134598', raw: '804 713 4598', part: 'body', start: 0, end: 12, inFeed: true }],
  brands: ['PayPal'],
};

describe('verdictText in the reader\'s language (LANG)', () => {
  it('reads LC_ALL, LC_MESSAGES, then LANG; C and POSIX are English', () => {
    expect(localeFromEnv({ LANG: 'de_DE.UTF-8' })).toBe('de-DE');
    expect(localeFromEnv({ LC_ALL: 'en_GB.UTF-8', LANG: 'de_DE.UTF-8' })).toBe('en-GB');
    expect(localeFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(localeFromEnv({})).toBe('en');
  });

  it('prints German tags and reasons under de_DE, codes kept for analysts', () => {
    const text = verdictText('x.eml', verdict, 'de-DE');
    expect(text).toContain('+18047134598 (auf einer Betrugsliste)');
    expect(text).toContain('- [feed-number] Diese Nummer steht auf der Betrugsliste „Example feed“ Ihres Sicherheitsteams.');
  });

  it('adds what the scam list knows of the number (reports, last seen) in German', () => {
    const withFacts: Verdict = { ...verdict, reasons: [{ ...verdict.reasons[0]!, params: { list: 'Example feed', reports: 1234, lastSeen: '2026-11-28' } }] };
    const text = verdictText('x.eml', withFacts, 'de-DE');
    expect(text).toMatch(/1\.234/);
    expect(text).toMatch(/28\. November 2026/);
  });

  it('prints the core\'s full English sentence in English', () => {
    const text = verdictText('x.eml', verdict, 'en-US');
    expect(text).toContain('+18047134598 (on a scam list)');
    expect(text).toContain('- [feed-number] +18047134598 is on a scam-number list (Example feed).');
  });

  it('--json keeps each reason\'s English message beside its code, and passes params through when the core gives them', () => {
    const withParams: Verdict = { ...verdict, reasons: [{ code: 'sighting-burst', message: '+18047134598 was in 4 messages you received in the last 7 days.', params: { count: 4, days: 7 } }] };
    const line = JSON.parse(verdictJson('x.eml', withParams)) as { reasons: { code: string; message: string; params?: unknown }[] };
    expect(line.reasons).toEqual([{ code: 'sighting-burst', message: '+18047134598 was in 4 messages you received in the last 7 days.', params: { count: 4, days: 7 } }]);
    expect(verdictText('x.eml', withParams, 'de')).toContain('- [sighting-burst] Diese Nummer stand in den letzten 7 Tagen in 4 Nachrichten an Sie.');
  });
});
