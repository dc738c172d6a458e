import { describe, expect, it } from 'vitest';
import { FeedIndex, parseFeed, isExpired, expiryTime } from '../../shared/feed/index.ts';
import type { ParsedFeed } from '../../shared/feed/index.ts';
import { fixture } from './fixture.ts';

const native = () => parseFeed(fixture('native.json')).feed;
const at = (iso: string) => new Date(iso);

describe('FeedIndex lookups', () => {
  it('finds an exact number and the block it falls in, exact first', async () => {
    const index = new FeedIndex([native()]);
    const [rep] = await index.lookup(['+18047134598'], at('2026-03-08T12:00:00Z'));
    expect(rep?.e164).toBe('+18047134598');
    expect(rep?.matches.map((m) => [m.kind, m.key, m.digits, m.expired])).toEqual([
      ['number', '+18047134598', undefined, false],
      ['block', '+1804713', 4, false],
    ]);
    expect(rep?.matches[0]).toMatchObject({ feed: 'Example Corp scam numbers', reports: 117, brands: ['PayPal', 'Norton'], lineType: 'voip' });
  });

  it('matches a block only for numbers of the right length under its prefix', () => {
    const index = new FeedIndex([native()]);
    const now = at('2026-03-08T00:00:00Z');
    expect(index.matches('+18047130000', now).map((m) => m.kind)).toEqual(['block']);
    expect(index.matches('+18047139999', now).map((m) => m.key)).toEqual(['+1804713']);
    expect(index.matches('+18047120000', now)).toEqual([]);
    expect(index.matches('+180471300001', now)).toEqual([]);
    expect(index.matches('+1804713', now)).toEqual([]);
    expect(index.matches('', now)).toEqual([]);
  });

  it('answers trusted entries with their label', () => {
    const index = new FeedIndex([native()]);
    const [match] = index.matches('+18005550100', at('2030-01-01T00:00:00Z'));
    expect(match).toMatchObject({ verdict: 'trusted', label: 'Example Corp IT helpdesk', expired: false });
  });

  it('keeps matches from every feed, each under its own name', () => {
    const other: ParsedFeed = { format: 'text', name: 'Other', entries: [{ key: '+18047134598', kind: 'number', verdict: 'scam' }] };
    const index = new FeedIndex([native(), other]);
    expect(index.matches('+18047134598', at('2026-03-08T00:00:00Z')).map((m) => m.feed)).toEqual([
      'Example Corp scam numbers', 'Other', 'Example Corp scam numbers',
    ]);
    expect(index.size).toEqual({ numbers: 4, blocks: 2 });
  });

  it('answers each distinct number once, and nothing for unknown numbers', () => {
    const index = new FeedIndex([native()]);
    const map = index.lookupMap(['+12025550143', '+12025550143', '+18047134598'], at('2026-03-08T00:00:00Z'));
    expect([...map.keys()]).toEqual(['+12025550143', '+18047134598']);
    expect(map.get('+12025550143')).toEqual([]);
  });

  it('looks up a 100,000-entry index fast', () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => ({ key: `+1804${String(2_000_000 + i)}`, kind: 'number' as const, verdict: 'scam' as const }));
    entries.push({ key: '+1999', kind: 'block' as never, verdict: 'scam' as const });
    const index = new FeedIndex([{ format: 'ringfence', name: 'big', entries }]);
    const now = new Date();
    const started = performance.now();
    let hits = 0;
    for (let i = 0; i < 100_000; i++) hits += index.matches(`+1804${String(2_000_000 + i)}`, now).length;
    expect(hits).toBe(100_000);
    // Generous for a shared CI machine; a scan over all entries per lookup would take minutes.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('expiry and decay', () => {
  it('expires scam entries at lastSeen + TTL (the feed TTL wins over the index TTL)', () => {
    const feed = native(); // ttlDays 45; +13125550199 last seen 2026-01-02
    const index = new FeedIndex([feed], { ttlDays: 10 });
    expect(index.matches('+13125550199', at('2026-02-16T23:59:59Z'))[0]?.expired).toBe(false);
    expect(index.matches('+13125550199', at('2026-02-17T00:00:00Z'))[0]?.expired).toBe(true);

    const { ttlDays: _ignored, ...withoutTtl } = feed;
    const policyTtl = new FeedIndex([withoutTtl], { ttlDays: 10 });
    expect(policyTtl.matches('+13125550199', at('2026-01-12T23:00:00Z'))[0]?.expired).toBe(false);
    expect(policyTtl.matches('+13125550199', at('2026-01-13T00:00:00Z'))[0]?.expired).toBe(true);
    // Default 30 days.
    const byDefault = new FeedIndex([withoutTtl]);
    expect(byDefault.matches('+13125550199', at('2026-02-01T12:00:00Z'))[0]?.expired).toBe(false);
    expect(byDefault.matches('+13125550199', at('2026-02-02T00:00:00Z'))[0]?.expired).toBe(true);
  });

  it('uses an explicit expires date over lastSeen, through the end of that day', () => {
    const index = new FeedIndex([native()]);
    expect(index.matches('+18887771234', at('2026-03-10T23:59:00Z'))[0]?.expired).toBe(false);
    expect(index.matches('+18887771234', at('2026-03-11T00:00:00Z'))[0]?.expired).toBe(true);
    expect(isExpired({ verdict: 'scam', lastSeen: '2026-03-01', expires: '2027-01-01' }, at('2026-12-01T00:00:00Z'), 30)).toBe(false);
  });

  it('never decays entries without dates, nor trusted entries without expires', () => {
    expect(expiryTime({ verdict: 'scam' }, 30)).toBeUndefined();
    expect(isExpired({ verdict: 'trusted', lastSeen: '2020-01-01' }, at('2026-01-01T00:00:00Z'), 30)).toBe(false);
    expect(isExpired({ verdict: 'trusted', expires: '2025-01-01' }, at('2026-01-01T00:00:00Z'), 30)).toBe(true);
  });

  it('keeps expired entries as history: still answered, marked expired', () => {
    const index = new FeedIndex([native()]);
    const matches = index.matches('+18047134598', at('2027-01-01T00:00:00Z'));
    expect(matches.map((m) => [m.kind, m.expired])).toEqual([['number', true], ['block', false]]);
  });
});
