// The IndexedDB store's atomic swap: readers see the old copy until the new one is whole; an interrupted
// write never becomes visible and its rows are removed on the next start.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { openIdbFeedStore, storageError, type IdbFeedStore } from '../../shared/browser/idb-feed-store.ts';
import { numberAt, numbersFeed } from './feeds.ts';
import { bucketCount, bucketOf } from '../../shared/feed-sync/bucket-codec.ts';

const now = new Date('2026-03-08T12:00:00Z');
const URL_A = 'https://a.test/feed.json';
let counter = 0;
const dbName = () => `swap-${process.pid}-${++counter}`;

async function rowCount(name: string): Promise<{ numbers: number; copies: number }> {
  const db = await openDB(name);
  const counts = { numbers: await db.count('numbers'), copies: await db.count('copies') };
  db.close();
  return counts;
}

/** Rows a copy of numbersFeed(…, count) keeps: one per bucket that holds an entry (empty buckets have none). */
function filledBuckets(count: number): number {
  return new Set(Array.from({ length: count }, (_, i) => bucketOf(numberAt(i), bucketCount(count)))).size;
}

describe('IdbFeedStore swap', () => {
  it('lookups during a write see the old copy, then the new one', async () => {
    const name = dbName();
    const seen: number[] = [];
    let armed = false;
    let store: IdbFeedStore | undefined;
    store = await openIdbFeedStore({
      name,
      bucketsPerTransaction: 2,
      onBatchWritten: async () => {
        if (!armed) return;
        const found = await store!.lookup([numberAt(0), numberAt(900)], now, 30);
        seen.push(found.get(numberAt(900))!.length);
        expect(found.get(numberAt(0))).toHaveLength(1);
      },
    });
    await store.replaceFeed(URL_A, numbersFeed('old', 10), {});
    armed = true;
    await store.replaceFeed(URL_A, numbersFeed('new', 1000), {});
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every((n) => n === 0)).toBe(true); // number 900 only exists in the new copy
    const after = await store.lookup([numberAt(900)], now, 30);
    expect(after.get(numberAt(900))![0]!.feed).toBe('new');
    store.close();
    // Only the new copy's rows remain.
    expect(await rowCount(name)).toEqual({ numbers: filledBuckets(1000), copies: 1 });
  });

  it('an interrupted write leaves the old copy current; the next start removes the half-written rows', async () => {
    const name = dbName();
    const first = await openIdbFeedStore({ name });
    await first.replaceFeed(URL_A, numbersFeed('good', 50), { etag: '"good"' });
    first.close();

    let batches = 0;
    const crashing: IdbFeedStore = await openIdbFeedStore({
      name,
      bucketsPerTransaction: 3,
      onBatchWritten: () => {
        if (++batches === 4) crashing.close(); // the tab dies mid-write
      },
    });
    await expect(crashing.replaceFeed(URL_A, numbersFeed('half', 2000), {})).rejects.toThrow(/previous copy stays in use/);
    expect((await rowCount(name)).numbers).toBeGreaterThan(1); // garbage left behind

    const restarted = await openIdbFeedStore({ name, staleCopyMs: 0 });
    expect(await restarted.getStatus(URL_A)).toMatchObject({ version: 1, etag: '"good"', entryCount: 50, name: 'good' });
    const found = await restarted.lookup([numberAt(10), numberAt(1500)], now, 30);
    expect(found.get(numberAt(10))![0]!.feed).toBe('good');
    expect(found.get(numberAt(1500))).toEqual([]);
    restarted.close();
    expect(await rowCount(name)).toEqual({ numbers: filledBuckets(50), copies: 1 });
  });

  it('does not remove a copy another tab is still writing', async () => {
    const name = dbName();
    let other: IdbFeedStore | undefined;
    const writer: IdbFeedStore = await openIdbFeedStore({
      name,
      bucketsPerTransaction: 5,
      onBatchWritten: async (written) => {
        if (written === 5) other = await openIdbFeedStore({ name }); // default staleCopyMs: 60 s
      },
    });
    await writer.replaceFeed(URL_A, numbersFeed('big', 1000), {});
    expect((await writer.lookup([numberAt(999)], now, 30)).get(numberAt(999))).toHaveLength(1);
    expect((await other!.lookup([numberAt(999)], now, 30)).get(numberAt(999))).toHaveLength(1);
    writer.close();
    other!.close();
  });

  it('a write another tab removed as abandoned is never made current', async () => {
    const name = dbName();
    const first = await openIdbFeedStore({ name });
    await first.replaceFeed(URL_A, numbersFeed('good', 50), {});
    let batches = 0;
    const slow: IdbFeedStore = await openIdbFeedStore({
      name,
      bucketsPerTransaction: 3,
      onBatchWritten: async () => {
        if (++batches === 2) (await openIdbFeedStore({ name, staleCopyMs: 0 })).close(); // judges the write stale
      },
    });
    await expect(slow.replaceFeed(URL_A, numbersFeed('stalled', 1000), {})).rejects.toThrow(/removed before it was complete/);
    expect((await first.lookup([numberAt(10), numberAt(900)], now, 30)).get(numberAt(10))![0]!.feed).toBe('good');
    expect((await slow.lookup([numberAt(900)], now, 30)).get(numberAt(900))).toEqual([]);
    expect(await rowCount(name)).toEqual({ numbers: filledBuckets(50), copies: 1 });
    first.close();
    slow.close();
  });

  it('another store on the same database sees a swap', async () => {
    const name = dbName();
    const a = await openIdbFeedStore({ name });
    const b = await openIdbFeedStore({ name, layoutMaxAgeMs: 60_000 });
    await a.replaceFeed(URL_A, numbersFeed('v1', 5), {});
    expect((await b.lookup([numberAt(1)], now, 30)).get(numberAt(1))![0]!.feed).toBe('v1');
    await a.replaceFeed(URL_A, numbersFeed('v2', 5), {});
    // b's cached layout names the deleted copy: it notices and re-reads (or was told by BroadcastChannel).
    expect((await b.lookup([numberAt(1)], now, 30)).get(numberAt(1))![0]!.feed).toBe('v2');
    a.close();
    b.close();
  });

  it('explains a quota failure and says the old copy stays', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(storageError(quota, 1000).message).toBe('storage quota exceeded while storing 1000 entries; the previous copy stays in use');
    expect(storageError(new DOMException('x', 'AbortError'), 5).message).toMatch(/could not store the feed \(AbortError: x\)/);
  });
});
