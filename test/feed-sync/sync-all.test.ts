import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncAll, activeFeeds, nextSyncDue, type BundledFeed } from '../../shared/feed-sync/sync-all.ts';
import { backoffDelayMs } from '../../shared/feed-sync/backoff.ts';
import { openNodeFeedStore } from '../../cli/node-store.ts';
import { startHttpServer, type TestServer } from '../support/http-server.ts';
import { nativeFeedText } from './feeds.ts';

const now = new Date('2026-03-08T12:00:00Z');
let server: TestServer;
beforeAll(async () => (server = await startHttpServer()));
afterAll(() => server.close());

function bundled(version: string, numbers: string[]): BundledFeed & { loads: number } {
  const feed = {
    url: 'bundled:starter',
    version,
    format: 'ringfence' as const,
    loads: 0,
    async load() {
      feed.loads++;
      return nativeFeedText('Ringfence starter feed', numbers);
    },
  };
  return feed;
}

describe('syncAll', () => {
  it('uses the bundled starter feed when policy sets no feeds, once per bundled version', async () => {
    const store = await openNodeFeedStore();
    const starter = bundled('1.0.0', ['+18047134598']);
    expect(await syncAll({}, store, { now, bundled: starter })).toMatchObject([{ url: 'bundled:starter', result: 'updated', entries: 1 }]);
    expect(await syncAll({}, store, { now, bundled: starter })).toMatchObject([{ result: 'not-modified' }]);
    expect(starter.loads).toBe(1);
    const upgraded = bundled('1.1.0', ['+18047134598', '+13125550100']);
    expect(await syncAll({ useBundledFeed: true }, store, { now, bundled: upgraded })).toMatchObject([{ result: 'updated', version: 2, entries: 2 }]);
    expect((await store.lookup(['+13125550100'], now, 30)).get('+13125550100')![0]!.feed).toBe('Ringfence starter feed');
  });

  it('drops the bundled feed when useBundledFeed is false or the policy names feeds', async () => {
    const store = await openNodeFeedStore();
    const starter = bundled('1', ['+18047134598']);
    await syncAll({}, store, { now, bundled: starter });
    expect(await syncAll({ useBundledFeed: false }, store, { now, bundled: starter })).toEqual([]);
    expect(await store.listStatus()).toEqual([]);
    expect((await store.lookup(['+18047134598'], now, 30)).get('+18047134598')).toEqual([]);

    await syncAll({}, store, { now, bundled: starter });
    server.route('/org.json', { body: nativeFeedText('Org feed', ['+13125550100']) });
    const policy = { feeds: [{ url: server.url('/org.json') }] };
    expect(activeFeeds(policy, starter).map((f) => f.url)).toEqual([server.url('/org.json')]);
    expect(await syncAll(policy, store, { now, bundled: starter })).toMatchObject([{ result: 'updated' }]);
    expect((await store.listStatus()).map((s) => s.url)).toEqual([server.url('/org.json')]);
  });

  it('forgets a feed the policy no longer names, and reports when the next one is due', async () => {
    const store = await openNodeFeedStore();
    server.route('/a.json', { body: nativeFeedText('A', ['+13125550101']) });
    server.route('/b.json', { status: 500 });
    const outcomes = await syncAll({ feeds: [{ url: server.url('/a.json') }, { url: server.url('/b.json') }], updateIntervalMinutes: 30 }, store, { now, random: () => 0.5 });
    expect(outcomes.map((o) => o.result)).toEqual(['updated', 'failed']);
    expect(await nextSyncDue(store)).toEqual(new Date(now.getTime() + 2 * 60_000)); // b's retry comes before a's 30 minutes
    await syncAll({ feeds: [{ url: server.url('/b.json') }] }, store, { now: new Date(now.getTime() + 3 * 60_000) });
    expect((await store.listStatus()).map((s) => s.url)).toEqual([server.url('/b.json')]);
  });

  it('a broken bundled feed is reported, not thrown', async () => {
    const store = await openNodeFeedStore();
    const broken: BundledFeed = { url: 'bundled:starter', version: 'x', load: async () => '{"nope":' };
    expect(await syncAll({}, store, { now, bundled: broken })).toMatchObject([{ result: 'failed', error: /bundled feed unusable/ }]);
  });
});

describe('backoffDelayMs', () => {
  it('doubles from 2 minutes with ±20 % jitter, capped at 4 intervals (at least 6 hours)', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5].map((f) => backoffDelayMs(f, 60, mid) / 60_000)).toEqual([2, 4, 8, 16, 32]);
    expect(backoffDelayMs(20, 60, mid) / 60_000).toBe(360);
    expect(backoffDelayMs(20, 240, mid) / 60_000).toBe(960);
    expect(backoffDelayMs(1, 60, () => 0) / 60_000).toBeCloseTo(1.6);
    expect(backoffDelayMs(1, 60, () => 1) / 60_000).toBeCloseTo(2.4);
    expect(Number.isFinite(backoffDelayMs(10_000, 60))).toBe(true);
  });
});
