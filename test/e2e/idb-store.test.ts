// The IndexedDB feed store in real Chromium: lookups, atomic swap across a page reload, and a sync against
// the loopback server with signature checking, all inside the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { hasChromium } from '../support/chromium.ts';
import { parseFeed } from '../../shared/feed/parse-feed.ts';
import { FeedIndex } from '../../shared/feed/feed-index.ts';
import { openFeedStorePage, type FeedStorePage, type RingfenceWindow } from '../feed-sync/browser-page.ts';
import { nativeFeedText, numberAt, numbersFeed } from '../feed-sync/feeds.ts';
import { makeSigner } from '../feed-sync/keys.ts';
import { bucketCount, bucketOf } from '../../shared/feed-sync/bucket-codec.ts';

const fixture = parseFeed(readFileSync(new URL('../fixtures/feeds/native.json', import.meta.url)), {}).feed;
const NOW = '2026-03-08T12:00:00Z';

describe.skipIf(!hasChromium)('IdbFeedStore in Chromium', () => {
  let harness: FeedStorePage;
  beforeAll(async () => (harness = await openFeedStorePage()));
  afterAll(() => harness?.close());

  it('answers what the in-memory FeedIndex answers', async () => {
    const probes = ['+18047134598', '+18047130000', '+1804713000', '+13125550199', '+18887770000', '+18005550100', '+442071234567'];
    const got = await harness.page.evaluate(
      async ({ feed, probes, now }) => {
        const { openIdbFeedStore } = (window as unknown as RingfenceWindow).ringfence;
        const store = await openIdbFeedStore({ name: 'parity' });
        await store.replaceFeed('https://feeds.test/a.json', feed, { etag: '"a"' });
        const found = await store.lookup(probes, new Date(now), 30);
        const status = await store.getStatus('https://feeds.test/a.json');
        store.close();
        return { found: [...found], status };
      },
      { feed: fixture, probes, now: NOW },
    );
    expect(new Map(got.found)).toEqual(new FeedIndex([fixture], { ttlDays: 30 }).lookupMap(probes, new Date(NOW)));
    expect(got.status).toMatchObject({ version: 1, entryCount: fixture.entries.length, etag: '"a"', name: fixture.name });
  });

  it('an interrupted write stays invisible; after a reload the old copy is current and the garbage is gone', async () => {
    const big = numbersFeed('half-written', 2_000);
    const before = await harness.page.evaluate(
      async ({ good, big, now, probe }) => {
        const { openIdbFeedStore } = (window as unknown as RingfenceWindow).ringfence;
        const first = await openIdbFeedStore({ name: 'swap' });
        await first.replaceFeed('https://feeds.test/a.json', good, {});
        first.close();
        let batches = 0;
        const seen: number[] = [];
        const crashing: Awaited<ReturnType<typeof openIdbFeedStore>> = await openIdbFeedStore({
          name: 'swap',
          bucketsPerTransaction: 2,
          onBatchWritten: async () => {
            seen.push((await crashing.lookup([probe], new Date(now), 30)).get(probe)!.length);
            if (++batches === 5) crashing.close(); // the tab dies mid-write
          },
        });
        const error = await crashing.replaceFeed('https://feeds.test/a.json', big, {}).then(() => 'no error', (e: Error) => e.message);
        return { error, seen };
      },
      { good: numbersFeed('good', 100), big, now: NOW, probe: numberAt(1_500) },
    );
    expect(before.error).toMatch(/previous copy stays in use/);
    expect(before.seen).toEqual([0, 0, 0, 0, 0]);

    await harness.page.reload();
    await harness.page.waitForFunction(() => 'ringfence' in window);
    const after = await harness.page.evaluate(
      async ({ now, probes }) => {
        const { openIdbFeedStore } = (window as unknown as RingfenceWindow).ringfence;
        const store = await openIdbFeedStore({ name: 'swap', staleCopyMs: 0 });
        const found = await store.lookup(probes, new Date(now), 30);
        const status = await store.getStatus('https://feeds.test/a.json');
        store.close();
        const rows = await new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('swap');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('numbers').objectStore('numbers').count();
            count.onsuccess = () => {
              resolve(count.result);
              open.result.close();
            };
          };
        });
        return { found: [...found].map(([n, m]) => [n, m.map((x) => x.feed)]), status, rows };
      },
      { now: NOW, probes: [numberAt(50), numberAt(1_500)] },
    );
    expect(after.status).toMatchObject({ name: 'good', version: 1, entryCount: 100 });
    expect(after.found).toEqual([
      [numberAt(50), ['good']],
      [numberAt(1_500), []],
    ]);
    // The good copy's rows (one per bucket holding an entry); the half-written copy's rows were removed.
    expect(after.rows).toBe(new Set(Array.from({ length: 100 }, (_, i) => bucketOf(numberAt(i), bucketCount(100)))).size);
  });

  it('running out of storage quota gives a clear error and keeps the old copy', async () => {
    // A fresh context whose origin gets a 3 MB quota through the DevTools protocol.
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: harness.server.origin, quotaSize: 3 * 1024 * 1024 });
    await page.goto(harness.server.origin + '/');
    await page.waitForFunction(() => 'ringfence' in window);
    try {
      const result = await page.evaluate(
        async ({ good, now, probe }) => {
          const { openIdbFeedStore, bench } = (window as unknown as RingfenceWindow).ringfence;
          const store = await openIdbFeedStore({ name: 'quota' });
          await store.replaceFeed('https://feeds.test/q.json', good, { etag: '"small"' });
          const error = await store.replaceFeed('https://feeds.test/q.json', bench.makeFeed(200_000), {}).then(
            () => 'stored',
            (e: Error) => e.message,
          );
          const status = await store.getStatus('https://feeds.test/q.json');
          const found = await store.lookup([probe], new Date(now), 30);
          store.close();
          return { error, status, hits: found.get(probe)!.map((m) => m.feed) };
        },
        { good: numbersFeed('small', 10), now: NOW, probe: numberAt(3) },
      );
      expect(result.error).toMatch(/^storage quota exceeded while storing 200000 entries; the previous copy stays in use$/);
      expect(result.status).toMatchObject({ version: 1, entryCount: 10, etag: '"small"' });
      expect(result.hits).toEqual(['small']);
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: harness.server.origin }).catch(() => {});
      await context.close();
    }
  });

  it('syncs in the page: 200, 304, then a 500, a bad signature and an older signed copy keep the last good copy', async () => {
    const signer = await makeSigner('Ed25519');
    const good = nativeFeedText('Signed feed', ['+18047134598'], [{ block: '+1312555', digits: 4 }]);
    const { server } = harness;
    server.route('/signed.json', { body: good, etag: '"g1"' });
    server.route('/signed.json.sig', { body: await signer.statement(good, server.url('/signed.json'), 1_772_841_600) });

    const run = (force: boolean) =>
      harness.page.evaluate(
        async ({ url, key, now, force }) => {
          const { openIdbFeedStore, syncFeed, StoreLookup } = (window as unknown as RingfenceWindow).ringfence;
          const store = await openIdbFeedStore({ name: 'sync' });
          const outcome = await syncFeed({ url, publicKey: key }, store, { now: new Date(now), policy: {}, timeoutMs: 2_000, force });
          const answers = await new StoreLookup(store, 30).lookup(['+18047134598', '+13125550042', '+19995550000'], new Date(now));
          const status = await store.getStatus(url);
          store.close();
          return { outcome, hits: answers.map((a) => a.matches.length), status };
        },
        { url: server.url('/signed.json'), key: signer.spkiPem, now: NOW, force },
      );

    const first = await run(false);
    expect(first.outcome).toMatchObject({ result: 'updated', signed: true, entries: 2 });
    expect(first.hits).toEqual([1, 1, 0]);
    expect(await run(true)).toMatchObject({ outcome: { result: 'not-modified' }, hits: [1, 1, 0] });

    server.route('/signed.json', { status: 500 });
    expect(await run(true)).toMatchObject({ outcome: { result: 'failed', error: 'HTTP 500 from ' + server.url('/signed.json') }, hits: [1, 1, 0] });

    server.route('/signed.json', { body: nativeFeedText('Tampered', ['+19995550000']), etag: '"evil"' });
    const tampered = await run(true);
    expect(tampered.outcome).toMatchObject({ result: 'failed', error: /bad signature/ });
    expect(tampered.hits).toEqual([1, 1, 0]);
    expect(tampered.status).toMatchObject({ version: 1, etag: '"g1"', failures: 2 });

    // A genuinely signed but older copy (a replay) is refused too.
    const older = nativeFeedText('Older', ['+19995550000']);
    server.route('/signed.json', { body: older, etag: '"old"' });
    server.route('/signed.json.sig', { body: await signer.statement(older, server.url('/signed.json'), 1_772_000_000) });
    const replayed = await run(true);
    expect(replayed.outcome).toMatchObject({ result: 'failed', error: /older copy: sequence 1772000000/ });
    expect(replayed.hits).toEqual([1, 1, 0]);
  });
});
