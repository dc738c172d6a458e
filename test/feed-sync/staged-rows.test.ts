// A big copy's rows are staged in the store while it is read (staged-rows.ts), so the reader never holds
// the whole copy: the buckets built from staged rows are exactly those built from rows held in memory, the
// staged rows are gone once the copy is stored or refused, and a changed feed is still applied as a diff.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import type { FeedEntry } from '../../shared/feed/types.ts';
import { openIdbFeedStore } from '../../shared/browser/idb-feed-store.ts';
import { BucketRows, type BuiltBucket, type CopyRows } from '../../shared/feed-sync/bucket-rows.ts';
import { PARTITIONS, StagedRows, type RowSpill } from '../../shared/feed-sync/staged-rows.ts';
import { syncFeed } from '../../shared/feed-sync/sync.ts';
import { startHttpServer, type TestServer } from '../support/http-server.ts';
import { nativeFeedText, numberAt } from './feeds.ts';
import { makeSigner } from './keys.ts';

const now = new Date('2026-03-08T12:00:00Z');
const COUNT = 3000;

function memorySpill(): RowSpill & { pieces: Map<number, string[]>; writes: number } {
  const pieces = new Map<number, string[]>();
  return {
    pieces,
    writes: 0,
    async write(list) {
      this.writes++;
      for (const { partition, rows } of list) pieces.set(partition, [...(pieces.get(partition) ?? []), rows]);
    },
    async take(partition) {
      const taken = pieces.get(partition) ?? [];
      pieces.delete(partition);
      return taken;
    },
  };
}

/** Entries with repeated keys (merged in document order), non-ASCII labels and blocks-free numbers. */
function entries(): FeedEntry[] {
  const list: FeedEntry[] = [];
  for (let i = 0; i < COUNT; i++) {
    list.push({ key: numberAt(i), kind: 'number', verdict: 'scam', reports: i % 7, label: i % 5 === 0 ? `Société ${i} 🙂` : `line ${i}` });
    if (i % 97 === 0) list.push({ key: numberAt(i), kind: 'number', verdict: 'scam', reports: 40, lastSeen: '2026-03-07', brands: ['PayPal'] });
  }
  return list;
}

async function built(rows: CopyRows, count: number): Promise<BuiltBucket[]> {
  const out: BuiltBucket[] = [];
  for await (const bucket of rows.buckets(count)) out.push(bucket);
  return out.sort((a, b) => a.bucket - b.bucket);
}

describe('staged rows', () => {
  it('build the same buckets as rows held in memory, while holding only the last few kilobytes', async () => {
    const memory = new BucketRows();
    const spill = memorySpill();
    const staged = new StagedRows(spill, 8 * 1024);
    for (const entry of entries()) {
      memory.add(entry);
      staged.add(entry);
      await staged.settle();
    }
    expect(spill.writes).toBeGreaterThan(10);
    expect(staged.size).toBe(memory.size);
    expect(staged.bucketMultiple).toBe(PARTITIONS);
    expect([...staged.sortedHashes()]).toEqual([...memory.sortedHashes()]);
    const count = 4 * PARTITIONS;
    const expected = await built(memory, count);
    expect(await built(staged, count)).toEqual(expected);
    expect(expected.reduce((sum, b) => sum + b.entries, 0)).toBe(COUNT);
    await expect(built(staged, count + 1)).rejects.toThrow(/multiple of 64/);
  });

  it('rows that never reached the staging size build buckets for any count', async () => {
    const memory = new BucketRows();
    const staged = new StagedRows(memorySpill());
    for (const entry of entries()) {
      memory.add(entry);
      staged.add(entry);
      await staged.settle();
    }
    expect(staged.bucketMultiple).toBe(1);
    expect(await built(staged, 187)).toEqual(await built(memory, 187));
  });
});

describe('syncFeed with rows staged in IndexedDB', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startHttpServer()));
  afterAll(() => server.close());
  const numbers = Array.from({ length: COUNT }, (_, i) => numberAt(i));
  let n = 0;

  async function database(name: string) {
    const db = await openDB(name);
    const result = { staging: await db.count('staging'), copies: await db.count('copies'), numbers: await db.count('numbers') };
    db.close();
    return result;
  }

  it('stores the copy, leaves no staged rows, and applies a change as a diff', async () => {
    const name = `staged-${process.pid}-${++n}`;
    const store = await openIdbFeedStore({ name, residentEntries: 0, stagingBytes: 4096 });
    const url = server.url('/staged.json');
    server.route('/staged.json', { body: nativeFeedText('Staged', numbers) });
    const first = await syncFeed({ url }, store, { now, policy: {}, force: true });
    expect(first).toMatchObject({ result: 'updated', entries: COUNT });
    if (first.result !== 'updated') throw new Error('not updated');
    expect(first.buckets! - 1).toBeGreaterThanOrEqual(Math.ceil(COUNT / 16));
    expect((first.buckets! - 1) % PARTITIONS).toBe(0); // and one (empty) bucket of blocks
    expect(await database(name)).toMatchObject({ staging: 0, copies: 1, numbers: first.written });

    server.route('/staged.json', { body: nativeFeedText('Staged', [...numbers, '+13125550100']) });
    const second = await syncFeed({ url }, store, { now, policy: {}, force: true });
    expect(second).toMatchObject({ result: 'updated', entries: COUNT + 1, written: 1 });
    expect((await database(name)).staging).toBe(0);
    const found = await store.lookup([numberAt(0), numberAt(COUNT - 1), '+13125550100', '+13125550199'], now, 30);
    expect(found.get(numberAt(0))).toHaveLength(1);
    expect(found.get(numberAt(COUNT - 1))).toHaveLength(1);
    expect(found.get('+13125550100')).toHaveLength(1);
    expect(found.get('+13125550199')).toEqual([]);
    store.close();
  });

  it('staged rows leave the database a partition at a time while the buckets are built', async () => {
    const name = `staged-${process.pid}-${++n}`;
    const store = await openIdbFeedStore({ name, residentEntries: 0, stagingBytes: 4096 });
    const staged = await store.stageCopy('https://feeds.test/taken.json');
    const rows = staged.rows('numbers');
    for (const number of numbers) {
      rows.add({ key: number, kind: 'number', verdict: 'scam' });
      await rows.settle();
    }
    const before = (await database(name)).staging;
    expect(before).toBeGreaterThan(PARTITIONS);
    const buckets = 2 * PARTITIONS;
    const seen: number[] = [];
    const left: number[] = [];
    for await (const built of rows.buckets(buckets)) {
      seen.push(built.bucket);
      // The first partition's buckets come out: its staged pieces are gone, the others' still there.
      if (seen.length === 2) left.push((await database(name)).staging);
    }
    expect(seen).toHaveLength(buckets);
    expect(left[0]).toBeLessThan(before);
    expect(left[0]).toBeGreaterThan(0);
    expect((await database(name)).staging).toBe(0);
    await staged.discard();
    store.close();
  });

  it('a staged write lets its pieces go once the puts are made, and still writes nothing for a copy removed meanwhile', async () => {
    const name = `staged-${process.pid}-${++n}`;
    const store = await openIdbFeedStore({ name, residentEntries: 0 });
    const staged = await store.stageCopy('https://feeds.test/pieces.json');
    const spill = (store as unknown as { spill(url: string, id: number, kind: number): RowSpill }).spill('https://feeds.test/pieces.json', staged.id, 0);
    const pieces = [{ partition: 3, rows: '["+12025550100",0]\n' }];
    await spill.write(pieces);
    // Emptied: held across the transaction, 4 MB of rows a write would outlive young collections.
    expect(pieces).toEqual([]);
    expect((await database(name)).staging).toBe(1);
    await staged.discard();
    await expect(spill.write([{ partition: 3, rows: '["+12025550101",0]\n' }])).rejects.toThrow(/removed before it was complete/);
    expect((await database(name)).staging).toBe(0);
    store.close();
  });

  it('a store told not to stage (its database is in memory) keeps the rows in memory: nothing staged, same lookups', async () => {
    const name = `staged-${process.pid}-${++n}`;
    const store = await openIdbFeedStore({ name, residentEntries: 0, stagingBytes: 4096, stageRows: false });
    const staged = await store.stageCopy('https://feeds.test/unstaged.json');
    const rows = staged.rows('numbers');
    for (const number of numbers) {
      rows.add({ key: number, kind: 'number', verdict: 'scam' });
      await rows.settle();
    }
    expect(rows.bucketMultiple).toBe(1);
    expect((await database(name)).staging).toBe(0);
    await staged.discard();

    const url = server.url('/unstaged.json');
    server.route('/unstaged.json', { body: nativeFeedText('Unstaged', numbers) });
    const first = await syncFeed({ url }, store, { now, policy: {}, force: true });
    expect(first).toMatchObject({ result: 'updated', entries: COUNT });
    expect(await database(name)).toMatchObject({ staging: 0, copies: 1 });
    const found = await store.lookup([numberAt(0), numberAt(COUNT - 1), '+13125550199'], now, 30);
    expect(found.get(numberAt(0))).toHaveLength(1);
    expect(found.get(numberAt(COUNT - 1))).toHaveLength(1);
    expect(found.get('+13125550199')).toEqual([]);
    store.close();
  });

  it('a copy whose signature does not match is refused after it was staged: its staged rows are deleted, the old copy answers', async () => {
    const name = `staged-${process.pid}-${++n}`;
    const store = await openIdbFeedStore({ name, residentEntries: 0, stagingBytes: 4096 });
    const signer = await makeSigner('ECDSA-P256');
    const url = server.url('/staged-signed.json');
    const config = { url, publicKey: signer.spkiPem };
    const good = nativeFeedText('Signed', numbers);
    server.route('/staged-signed.json', { body: good });
    server.route('/staged-signed.json.sig', { body: await signer.statement(good, url, 1_772_841_600) });
    expect(await syncFeed(config, store, { now, policy: {}, force: true })).toMatchObject({ result: 'updated', signed: true });
    const before = await database(name);
    server.route('/staged-signed.json', { body: nativeFeedText('Signed', [...numbers, '+13125550100']) });
    expect(await syncFeed(config, store, { now, policy: {}, force: true })).toMatchObject({ result: 'failed', error: /SHA-256 differs/ });
    expect(await database(name)).toEqual(before);
    expect(before.staging).toBe(0);
    const found = await store.lookup([numberAt(5), '+13125550100'], now, 30);
    expect(found.get(numberAt(5))![0]!.feed).toBe('Signed');
    expect(found.get('+13125550100')).toEqual([]);
    store.close();
  });
});
