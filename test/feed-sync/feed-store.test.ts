// The FeedStore contract, run against every store: the IndexedDB one (fake-indexeddb here; real Chromium
// in test/e2e/idb-store.test.ts) and the CLI's.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFeed } from '../../shared/feed/parse-feed.ts';
import { FeedIndex } from '../../shared/feed/feed-index.ts';
import { StoreLookup } from '../../shared/feed-sync/store-lookup.ts';
import { STORES, numberAt, numbersFeed } from './feeds.ts';

const now = new Date('2026-03-08T12:00:00Z');
const fixture = parseFeed(readFileSync(new URL('../fixtures/feeds/native.json', import.meta.url)), {}).feed;

describe.each(STORES)('FeedStore: $name', (maker) => {
  let close: () => Promise<void> = async () => {};
  afterEach(() => close());
  const make = async () => {
    const made = await maker.make();
    close = made.close;
    return made;
  };

  it('answers exactly what the in-memory FeedIndex answers', async () => {
    const { store } = await make();
    await store.replaceFeed('https://feeds.test/a.json', fixture, { etag: '"a"' });
    const index = new FeedIndex([fixture], { ttlDays: 30 });
    const probes = ['+18047134598', '+18047130000', '+18047139999', '+1804713000', '+13125550199', '+18887770000', '+18005550100', '+16175551234', '+442071234567', '+1'];
    for (const when of [now, new Date('2026-06-01T00:00:00Z')]) {
      const got = await store.lookup(probes, when, 30);
      expect(got).toEqual(index.lookupMap(probes, when));
    }
    const hit = (await store.lookup(['+18047134598'], now, 30)).get('+18047134598')!;
    expect(hit.map((m) => m.kind)).toEqual(['number', 'block']);
    expect(hit[0]).toMatchObject({ feed: 'Example Corp scam numbers', reports: 117, expired: false, brands: ['PayPal', 'Norton'] });
  });

  it('keeps each feed apart with its own status, and bumps the version on every swap', async () => {
    const { store } = await make();
    await store.replaceFeed('https://a.test/f', numbersFeed('A', 10), { etag: '"1"' });
    await store.replaceFeed('https://b.test/f', numbersFeed('B', 5), {});
    await store.replaceFeed('https://a.test/f', numbersFeed('A', 3), { etag: '"2"' });
    const a = await store.getStatus('https://a.test/f');
    expect(a).toMatchObject({ url: 'https://a.test/f', name: 'A', version: 2, entryCount: 3, etag: '"2"', format: 'ringfence' });
    expect((await store.listStatus()).map((s) => s.url).sort()).toEqual(['https://a.test/f', 'https://b.test/f']);
    const found = await store.lookup([numberAt(0), numberAt(4), numberAt(7)], now, 30);
    expect(found.get(numberAt(0))!.map((m) => m.feed).sort()).toEqual(['A', 'B']);
    expect(found.get(numberAt(4))!.map((m) => m.feed)).toEqual(['B']);
    expect(found.get(numberAt(7))).toEqual([]);
  });

  it('evaluates expiry at lookup time with the policy TTL, unless the feed carries its own', async () => {
    const { store } = await make();
    await store.replaceFeed('https://a.test/f', numbersFeed('A', 1, [], '2026-03-01'), {});
    const at = new Date('2026-03-20T00:00:00Z');
    expect((await store.lookup([numberAt(0)], at, 30)).get(numberAt(0))![0]!.expired).toBe(false);
    expect((await store.lookup([numberAt(0)], at, 10)).get(numberAt(0))![0]!.expired).toBe(true);
    await store.replaceFeed('https://a.test/f', { ...numbersFeed('A', 1, [], '2026-03-01'), ttlDays: 60 }, {});
    expect((await store.lookup([numberAt(0)], new Date('2026-04-15T00:00:00Z'), 10)).get(numberAt(0))![0]!.expired).toBe(false);
  });

  it('updates status without touching the copy; removing a feed stops its answers', async () => {
    const { store } = await make();
    await store.replaceFeed('https://a.test/f', numbersFeed('A', 4), { etag: '"x"' });
    await store.updateStatus('https://a.test/f', { lastError: 'HTTP 500', failures: 2 });
    expect(await store.getStatus('https://a.test/f')).toMatchObject({ lastError: 'HTTP 500', failures: 2, version: 1, etag: '"x"' });
    await store.updateStatus('https://a.test/f', { lastError: undefined, failures: 0 });
    expect((await store.getStatus('https://a.test/f'))!.lastError).toBeUndefined();
    expect((await store.lookup([numberAt(1)], now, 30)).get(numberAt(1))).toHaveLength(1);
    await store.removeFeed('https://a.test/f');
    expect(await store.getStatus('https://a.test/f')).toBeUndefined();
    expect((await store.lookup([numberAt(1)], now, 30)).get(numberAt(1))).toEqual([]);
  });

  it('records the status of a feed that never succeeded', async () => {
    const { store } = await make();
    await store.updateStatus('https://down.test/f', { lastError: 'connection refused', failures: 1 });
    expect(await store.getStatus('https://down.test/f')).toMatchObject({ version: 0, entryCount: 0, lastError: 'connection refused' });
    expect((await store.lookup([numberAt(1)], now, 30)).get(numberAt(1))).toEqual([]);
  });

  it('survives a restart', async () => {
    const { store, reopen } = await make();
    await store.replaceFeed('https://a.test/f', numbersFeed('A', 300, fixture.entries), { etag: '"r"' });
    const again = await reopen();
    expect(await again.getStatus('https://a.test/f')).toMatchObject({ version: 1, entryCount: 300 + fixture.entries.length, etag: '"r"' });
    const found = await again.lookup([numberAt(299), '+18047130001'], now, 30);
    expect(found.get(numberAt(299))).toHaveLength(1);
    expect(found.get('+18047130001')![0]).toMatchObject({ kind: 'block', key: '+1804713', digits: 4 });
  });

  it('serves ReputationLookup through StoreLookup, in input order and without duplicates', async () => {
    const { store } = await make();
    await store.replaceFeed('https://a.test/f', fixture, {});
    const lookup = new StoreLookup(store, 30);
    const answers = await lookup.lookup(['+18005550100', '+18047134598', '+18005550100', '+15550000000'], now);
    expect(answers.map((a) => a.e164)).toEqual(['+18005550100', '+18047134598', '+15550000000']);
    expect(answers[0]!.matches[0]).toMatchObject({ verdict: 'trusted', label: 'Example Corp IT helpdesk' });
    expect(answers[2]!.matches).toEqual([]);
  });

  it('never turns feed text into anything but text', async () => {
    const { store } = await make();
    await store.replaceFeed('https://a.test/f', fixture, {});
    const [match] = (await store.lookup(['+16175551234'], now, 30)).get('+16175551234')!;
    expect(match).toMatchObject({ label: '<script>alert(1)</script>', brands: ['<b>PayPal</b>'] });
  });
});
