import { describe, expect, it } from 'vitest';
import { parseFeed, FeedParseError } from '../../shared/feed/index.ts';
import { fixture } from './fixture.ts';

describe('CSV feeds', () => {
  it('reads a header-named CSV with quoting, verdicts, brands, dates and blocks', () => {
    const { feed, errors } = parseFeed(fixture('numbers.csv'));
    expect(errors).toEqual([]);
    expect(feed.format).toBe('csv');
    expect(feed.entries).toEqual([
      { key: '+18047134598', kind: 'number', verdict: 'scam', brands: ['PayPal', 'Norton'], firstSeen: '2026-03-03', lastSeen: '2026-03-06', reports: 117 },
      { key: '+13125550199', kind: 'number', verdict: 'scam', brands: ['Geek Squad'], firstSeen: '2026-01-01', lastSeen: '2026-01-02', reports: 3, label: 'renewal "invoice" scam' },
      { key: '+18005550100', kind: 'number', verdict: 'trusted', label: 'Example Corp IT helpdesk, 24/7' },
      { key: '+1804713', kind: 'block', digits: 4, verdict: 'scam', brands: ['PayPal'] },
      { key: '+16175551234', kind: 'number', verdict: 'scam', brands: ['<b>PayPal</b>'], label: 'line one\nline two' },
    ]);
  });

  it('reads the FTC Do Not Call export: one report a row, merged per number, dated by Violation_Date', () => {
    const { feed, errors } = parseFeed(fixture('ftc-dnc.csv'), { name: 'FTC DNC' });
    expect(feed.entries).toEqual([
      { key: '+18047134598', kind: 'number', verdict: 'scam', firstSeen: '2021-07-06T11:48:00.000Z', lastSeen: '2021-07-06T19:30:00.000Z', reports: 2 },
      { key: '+13125550199', kind: 'number', verdict: 'scam', firstSeen: '2021-07-06T18:17:00.000Z', lastSeen: '2021-07-06T18:17:00.000Z', reports: 1 },
      { key: '+12025550143', kind: 'number', verdict: 'scam', reports: 1 },
    ]);
    expect(errors).toEqual([
      { where: 'line 5', message: 'not a valid phone number or block: "70611454600144"' },
      { where: 'line 6', message: 'number is empty' },
      { where: 'line 7', message: 'date is not a date: "not a date"' },
    ]);
  });

  it('reads the real FTC sample from the corpus', (context) => {
    let bytes: Uint8Array;
    try {
      bytes = fixtureFromCorpus('iocs/ftc-dnc/dnc_complaint_numbers_2021-07-08.csv');
    } catch {
      context.skip('../shared/corpus is absent');
      return;
    }
    const { feed, errors } = parseFeed(bytes);
    expect(feed.format).toBe('csv');
    expect(feed.entries.length).toBeGreaterThan(10_000);
    const reports = feed.entries.reduce((sum, e) => sum + (e.reports ?? 0), 0);
    expect(reports + errors.length).toBe(14_034);
  });

  it('reads tab-separated files and reports an unclosed quote by line', () => {
    const tsv = parseFeed('phone_e164\tbrands_impersonated\tn_samples\n+18047134598\tNorton/LifeLock; PayPal\t5\n');
    expect(tsv.feed.entries).toEqual([{ key: '+18047134598', kind: 'number', verdict: 'scam', brands: ['Norton/LifeLock', 'PayPal'], reports: 5 }]);

    const { feed, errors } = parseFeed(fixture('csv-broken.csv'));
    expect(feed.entries.map((e) => e.key)).toEqual(['+18047134598']);
    expect(errors.some((e) => e.where === 'line 3' && /quoted field is never closed/.test(e.message))).toBe(true);
  });

  it('reads blocks from a digits column and refuses absurd digit counts', () => {
    const { feed, errors } = parseFeed('number,digits\n+1804713,4\n+1312555,999999999999\n');
    expect(feed.entries).toEqual([{ key: '+1804713', kind: 'block', digits: 4, verdict: 'scam' }]);
    expect(errors).toEqual([{ where: 'line 3', message: 'digits must be a whole number from 1 to 12, got 999999999999' }]);
  });

  it('reads a CSV without a header when its first row holds a number', () => {
    const { feed, errors } = parseFeed('+18047134598,PayPal\n+13125550199,Norton\n');
    expect(feed.format).toBe('csv');
    expect(errors).toEqual([]);
    expect(feed.entries.map((e) => e.key)).toEqual(['+18047134598', '+13125550199']);
  });

  it('refuses a CSV whose header names no number column', () => {
    expect(() => parseFeed(fixture('csv-no-number-column.csv'))).toThrow(FeedParseError);
    expect(() => parseFeed(fixture('csv-no-number-column.csv'))).toThrow(/names no number column/);
  });

  it('finds a number column by a looser name, skips leading comments and counts lines right', () => {
    const { feed, errors } = parseFeed('# exported 2026-03-07\n\nCaller Number,Notes\n+18047134598,x\nnope,y\n', { format: 'csv' });
    expect(feed.entries.map((e) => e.key)).toEqual(['+18047134598']);
    expect(errors).toEqual([{ where: 'line 5', message: 'not a valid phone number or block: "nope"' }]);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
function fixtureFromCorpus(path: string): Uint8Array {
  return readFileSync(fileURLToPath(new URL(`../../../shared/corpus/${path}`, import.meta.url)));
}
