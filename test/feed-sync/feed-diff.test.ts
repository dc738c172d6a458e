// A changed feed is applied as a diff: the IndexedDB store writes only the buckets whose content changed,
// deletes the rows of buckets that vanished, and a failure at any point (mid-stream, signature, mid-write)
// leaves the last good copy whole and answering.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import type { FeedEntry } from '../../shared/feed/types.ts';
import { openIdbFeedStore, type IdbFeedStore } from '../../shared/browser/idb-feed-store.ts';
import { bucketCount, bucketOf } from '../../shared/feed-sync/bucket-codec.ts';
import { fromParsedFeed } from '../../shared/feed-sync/copy-store.ts';
import { syncFeed } from '../../shared/feed-sync/sync.ts';
import { startHttpServer, type TestServer } from '../support/http-server.ts';
import { nativeFeedText, numberAt, numbersFeed } from './feeds.ts';
import { makeSigner } from './keys.ts';

const now = new Date('2026-03-08T12:00:00Z');
const URL_A = 'https://a.test/feed.json';
const COUNT = 2000;
let counter = 0;
const dbName = () => `diff-${process.pid}-${++counter}`;

let server: TestServer;
beforeAll(async () => (server = await startHttpServer()));
afterAll(() => server.close());

async function rows(name: string): Promise<{ numbers: [number, number][]; copies: number }> {
  const db = await openDB(name);
  const result = { numbers: (await db.getAllKeys('numbers')) as [number, number][], copies: await db.count('copies') };
  db.close();
  return result;
}

/** The bucket each entry of numbersFeed(…, COUNT) falls in, and the entries of one bucket. */
const buckets = bucketCount(COUNT);
const bucketOfIndex = (i: number) => bucketOf(numberAt(i), buckets);

describe('applying a changed copy as a diff', () => {
  it('writes only the changed bucket, keeps unchanged ones where they are, deletes a vanished bucket', async () => {
    const name = dbName();
    const store = await openIdbFeedStore({ name, residentEntries: 0, cachedBuckets: 1 });
    const first = await store.applyCopy(URL_A, fromParsedFeed(numbersFeed('v1', COUNT)), {});
    expect(first).toMatchObject({ entries: COUNT, buckets: buckets + 1 }); // and one (empty) bucket of blocks
    const firstRows = await rows(name);
    expect(first.written).toBe(firstRows.numbers.length);

    // v2: entry 7 seen again (its bucket changes), every entry of entry 500's bucket gone (that bucket vanishes).
    const vanished = bucketOfIndex(500);
    const changed = bucketOfIndex(7);
    expect(changed).not.toBe(vanished);
    const v2 = numbersFeed('v2', COUNT).entries
      .filter((_, i) => bucketOfIndex(i) !== vanished)
      .map((entry): FeedEntry => (entry.key === numberAt(7) ? { ...entry, lastSeen: '2026-03-07', reports: 99 } : entry));
    const removed = COUNT - v2.length;
    expect(removed).toBeGreaterThan(0);
    const second = await store.applyCopy(URL_A, fromParsedFeed({ format: 'ringfence', name: 'v2', entries: v2 }), {});
    expect(second).toMatchObject({ entries: COUNT - removed, buckets: buckets + 1, written: 1, deleted: 2 });

    const after = await rows(name);
    const oldCopy = firstRows.numbers[0]![0];
    // The changed bucket's old row and the vanished bucket's row are gone; every other row is the old one.
    expect(after.numbers.filter(([copy]) => copy === oldCopy)).toHaveLength(firstRows.numbers.length - 2);
    expect(after.numbers.some(([copy, bucket]) => copy === oldCopy && (bucket === vanished || bucket === changed))).toBe(false);
    expect(after.numbers.filter(([copy]) => copy !== oldCopy)).toEqual([[expect.any(Number), changed]]);
    expect(after.copies).toBe(2); // the old copy still holds the unchanged buckets

    const found = await store.lookup([numberAt(7), numberAt(500), numberAt(8), numberAt(1999)], now, 30);
    expect(found.get(numberAt(7))![0]).toMatchObject({ feed: 'v2', lastSeen: '2026-03-07', reports: 99 });
    expect(found.get(numberAt(500))).toEqual([]);
    expect(found.get(numberAt(8))![0]!.feed).toBe('v2');
    expect(await store.getStatus(URL_A)).toMatchObject({ version: 2, entryCount: COUNT - removed, name: 'v2' });

    // A third copy that changes everything else leaves no row of the first copy behind.
    const third = await store.applyCopy(URL_A, fromParsedFeed(numbersFeed('v3', COUNT, [], '2026-03-08')), {});
    expect(third.written).toBe(await filled(COUNT));
    const last = await rows(name);
    expect(last.copies).toBe(1);
    expect(new Set(last.numbers.map(([copy]) => copy)).size).toBe(1);
    store.close();
  });

  it('an unchanged copy writes nothing; a restarted store still reads the buckets earlier copies hold', async () => {
    const name = dbName();
    const store = await openIdbFeedStore({ name });
    await store.applyCopy(URL_A, fromParsedFeed(numbersFeed('v1', COUNT)), {});
    const again = await store.applyCopy(URL_A, fromParsedFeed(numbersFeed('v1', COUNT)), { etag: '"2"' });
    expect(again.written).toBe(0);
    store.close();
    const restarted = await openIdbFeedStore({ name, staleCopyMs: 0, residentEntries: 0 });
    expect(await restarted.removeAbandonedCopies()).toBe(0);
    expect((await restarted.lookup([numberAt(1234)], now, 30)).get(numberAt(1234))).toHaveLength(1);
    const warm = await openIdbFeedStore({ name });
    await warm.warm();
    expect((await warm.lookup([numberAt(1234)], now, 30)).get(numberAt(1234))).toHaveLength(1);
    restarted.close();
    warm.close();
  });

  it('a write that fails midway leaves the old copy current and whole, and removes the staged rows', async () => {
    const name = dbName();
    let fail = false;
    const store: IdbFeedStore = await openIdbFeedStore({
      name,
      bucketsPerTransaction: 5,
      residentEntries: 0,
      onBatchWritten: (written) => {
        if (fail && written >= 10) throw new Error('disk gone');
      },
    });
    await store.applyCopy(URL_A, fromParsedFeed(numbersFeed('good', COUNT)), {});
    const before = await rows(name);
    fail = true;
    await expect(store.applyCopy(URL_A, fromParsedFeed(numbersFeed('bad', COUNT, [], '2026-03-08')), {})).rejects.toThrow(/previous copy stays in use/);
    expect(await rows(name)).toEqual(before);
    const found = await store.lookup([numberAt(0), numberAt(1999)], now, 30);
    expect(found.get(numberAt(0))![0]).toMatchObject({ feed: 'good', lastSeen: '2026-03-01' });
    expect(found.get(numberAt(1999))![0]!.feed).toBe('good');
    store.close();
  });
});

describe('syncFeed applies a changed feed as a diff', () => {
  const numbers = Array.from({ length: COUNT }, (_, i) => numberAt(i));

  it('a changed feed writes only the buckets that changed', async () => {
    const name = dbName();
    const store = await openIdbFeedStore({ name, residentEntries: 0 });
    const url = server.url('/diff.json');
    server.route('/diff.json', { body: nativeFeedText('Diff', numbers) });
    const first = await syncFeed({ url }, store, { now, policy: {}, force: true });
    expect(first).toMatchObject({ result: 'updated', entries: COUNT, written: await filled(COUNT) });
    // One number more: exactly one bucket changes (the new number's).
    server.route('/diff.json', { body: nativeFeedText('Diff', [...numbers, '+13125550100']) });
    const second = await syncFeed({ url }, store, { now, policy: {}, force: true });
    expect(second).toMatchObject({ result: 'updated', entries: COUNT + 1, written: 1 });
    expect((await store.lookup(['+13125550100'], now, 30)).get('+13125550100')).toHaveLength(1);
    store.close();
  });

  it('a body cut off mid-stream fails and leaves the old feed intact and answering', async () => {
    const name = dbName();
    const store = await openIdbFeedStore({ name, residentEntries: 0 });
    const url = server.url('/cut.json');
    server.route('/cut.json', { body: nativeFeedText('Good', numbers) });
    expect(await syncFeed({ url }, store, { now, policy: {}, force: true })).toMatchObject({ result: 'updated' });
    const before = await rows(name);
    const changed = nativeFeedText('Changed', [...numbers, '+13125550100']);
    server.route('/cut.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(changed.length) });
      res.write(changed.slice(0, changed.length / 2));
      setTimeout(() => res.destroy(), 20);
    });
    const outcome = await syncFeed({ url }, store, { now, policy: {}, force: true });
    expect(outcome).toMatchObject({ result: 'failed' });
    expect(await rows(name)).toEqual(before);
    const found = await store.lookup([numberAt(3), '+13125550100'], now, 30);
    expect(found.get(numberAt(3))![0]!.feed).toBe('Good');
    expect(found.get('+13125550100')).toEqual([]);
    expect(await store.getStatus(url)).toMatchObject({ version: 1, name: 'Good', failures: 1 });
    store.close();
  });

  it('a streamed body that is not the signed copy is refused after the stream; nothing of it is stored', async () => {
    const name = dbName();
    const store = await openIdbFeedStore({ name, residentEntries: 0 });
    const signer = await makeSigner('ECDSA-P256');
    const url = server.url('/signed-diff.json');
    const config = { url, publicKey: signer.spkiPem };
    const good = nativeFeedText('Signed', numbers);
    server.route('/signed-diff.json', { body: good });
    server.route('/signed-diff.json.sig', { body: await signer.statement(good, url, 1_772_841_600) });
    expect(await syncFeed(config, store, { now, policy: {}, force: true })).toMatchObject({ result: 'updated', signed: true });
    const before = await rows(name);
    // The server swaps the body but not the statement.
    server.route('/signed-diff.json', { body: nativeFeedText('Signed', [...numbers, '+13125550100']) });
    const outcome = await syncFeed(config, store, { now, policy: {}, force: true });
    expect(outcome).toMatchObject({ result: 'failed', error: /SHA-256 differs/ });
    expect(await rows(name)).toEqual(before);
    expect((await store.lookup(['+13125550100'], now, 30)).get('+13125550100')).toEqual([]);
    store.close();
  });
});

async function filled(count: number): Promise<number> {
  return new Set(Array.from({ length: count }, (_, i) => bucketOf(numberAt(i), bucketCount(count)))).size;
}
