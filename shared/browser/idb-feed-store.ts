// Feeds kept in IndexedDB (extension and add-in), each feed apart, swapped atomically.
//
// Layout (database "ringfence-feeds"):
//   feeds   url → { status, layout }         layout names the current copy; status is what the popup shows
//   copies  id  → { url, touchedAt }         every copy being written or in use, for cleaning up
//   numbers [copy, bucket] → JSON bucket    exact numbers, spread over hash buckets (see bucket-codec.ts)
//   blocks  [copy, bucket] → JSON bucket    number blocks keyed by prefix, same scheme
//   filters copy → sorted key hashes         loaded once per copy; numbers not in it need no bucket read
// A new copy is written whole under a fresh copy id in batches, then one transaction points feeds[url] at
// it; only then are the old copy's rows deleted. Readers follow feeds[url], so they see the old copy or
// the new one, never a part. A copy whose writer died (no heartbeat for `staleCopyMs`) is garbage and is
// removed on the next start.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { FeedMatch } from '../types.ts';
import type { FeedEntry, FeedStatus, FeedStore, ParsedFeed } from '../feed/types.ts';
import { toFeedMatch } from '../feed/to-feed-match.ts';
import { blockCovers } from '../feed/block-prefixes.ts';
import { bucketCount, hashKey, decodeBucket, encodeBucket, spreadIntoBuckets } from '../feed-sync/bucket-codec.ts';
import { BucketCache } from '../feed-sync/bucket-cache.ts';
import { buildKeyFilter, mayContain, type KeyFilter } from '../feed-sync/key-filter.ts';
import { emptyStatus, mergeStatus, replacedStatus } from '../feed-sync/status.ts';
import { macrotask } from '../feed/steps.ts';

export interface CopyLayout {
  copy: number;
  name: string;
  ttlDays?: number;
  numberBuckets: number;
  blockBuckets: number;
  /** Distinct lengths of block prefixes, so a lookup probes only those. */
  blockPrefixLengths: number[];
}

interface FeedRecord {
  url: string;
  status: FeedStatus;
  layout: CopyLayout | null;
}

interface CopyRecord {
  id?: number;
  url: string;
  touchedAt: number;
}

type BucketKey = [number, number];

interface ResidentCopy {
  numbers: string[];
  blocks: string[];
}

interface FeedDB extends DBSchema {
  feeds: { key: string; value: FeedRecord };
  copies: { key: number; value: CopyRecord };
  numbers: { key: BucketKey; value: string };
  blocks: { key: BucketKey; value: string };
  filters: { key: number; value: KeyFilter };
}

export interface IdbFeedStoreOptions {
  /** Database name. Default "ringfence-feeds". */
  name?: string;
  /** Buckets written per transaction. Default 500 (about 32,000 entries). */
  bucketsPerTransaction?: number;
  /** A copy not written to for this long is abandoned and removed on the next start. Default 60 s. */
  staleCopyMs?: number;
  /** Decoded buckets kept in memory for lookups. Default 4096 (about 260,000 entries). */
  cachedBuckets?: number;
  /** Re-read the list of current copies at least this often (other tabs may swap). Default 2000 ms. */
  layoutMaxAgeMs?: number;
  /**
   * Copies up to this many entries (all current feeds together) are also held in memory, as their stored
   * bucket strings (~70 bytes an entry), loaded in the background after the first lookup or by warm():
   * lookups then need no storage read at all. 0 turns this off. Default 250,000 (~17 MB).
   */
  residentEntries?: number;
  /** Called after each batch of a copy is written (progress display; tests interrupt writes with it). */
  onBatchWritten?: (written: number, total: number) => void | Promise<void>;
}

export const FEED_DB_NAME = 'ringfence-feeds';
const SCHEMA_VERSION = 1;

/** Opens (and if needed creates) the feed database, and removes copies abandoned by an interrupted write. */
export async function openIdbFeedStore(options: IdbFeedStoreOptions = {}): Promise<IdbFeedStore> {
  const name = options.name ?? FEED_DB_NAME;
  let store: IdbFeedStore | undefined;
  const db = await openDB<FeedDB>(name, SCHEMA_VERSION, {
    upgrade(database) {
      if (!database.objectStoreNames.contains('feeds')) database.createObjectStore('feeds', { keyPath: 'url' });
      if (!database.objectStoreNames.contains('copies')) database.createObjectStore('copies', { keyPath: 'id', autoIncrement: true });
      if (!database.objectStoreNames.contains('numbers')) database.createObjectStore('numbers');
      if (!database.objectStoreNames.contains('blocks')) database.createObjectStore('blocks');
      if (!database.objectStoreNames.contains('filters')) database.createObjectStore('filters');
    },
    blocking() {
      // A newer schema wants the database: let it upgrade. This store's calls fail until it is reopened.
      store?.close();
    },
  });
  store = new IdbFeedStore(db, name, options);
  await store.removeAbandonedCopies();
  return store;
}

export class IdbFeedStore implements FeedStore {
  private readonly bucketsPerTransaction: number;
  private readonly staleCopyMs: number;
  private readonly layoutMaxAgeMs: number;
  private readonly cache: BucketCache;
  private readonly channel: BroadcastChannel | undefined;
  private layouts: { records: FeedRecord[]; readAt: number } | undefined;
  /** Key filters of the copies lookups use (copies never change, so a filter never goes stale). */
  private readonly filters = new Map<number, KeyFilter>();
  /** Bucket strings of copies held in memory, by copy; a promise while loading. */
  private readonly resident = new Map<number, ResidentCopy | Promise<void>>();
  private readonly residentEntries: number;
  private readonly onBatchWritten: IdbFeedStoreOptions['onBatchWritten'];

  constructor(
    private readonly db: IDBPDatabase<FeedDB>,
    readonly name: string,
    options: IdbFeedStoreOptions,
  ) {
    this.bucketsPerTransaction = options.bucketsPerTransaction ?? 500;
    this.staleCopyMs = options.staleCopyMs ?? 60_000;
    this.layoutMaxAgeMs = options.layoutMaxAgeMs ?? 2_000;
    this.cache = new BucketCache(options.cachedBuckets ?? 4096);
    this.onBatchWritten = options.onBatchWritten;
    this.residentEntries = options.residentEntries ?? 250_000;
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`ringfence-feeds:${name}`) : undefined;
    if (this.channel) this.channel.onmessage = () => (this.layouts = undefined);
  }

  close(): void {
    this.channel?.close();
    this.db.close();
  }

  async replaceFeed(url: string, feed: ParsedFeed, meta: Partial<FeedStatus>): Promise<void> {
    const copy = await this.db.add('copies', { url, touchedAt: Date.now() });
    let layout: CopyLayout;
    try {
      layout = await this.writeCopy(url, copy, feed);
    } catch (error) {
      await this.deleteCopy(copy).catch(() => {});
      throw storageError(error, feed.entries.length);
    }

    let previous: number | undefined;
    try {
      const tx = this.db.transaction(['feeds', 'copies'], 'readwrite');
      // Another tab may have judged this copy abandoned (a stalled write) and removed it: never point at it.
      if (!(await tx.objectStore('copies').get(copy))) throw new Error('the new copy was removed before it was complete');
      const old = await tx.objectStore('feeds').get(url);
      previous = old?.layout?.copy;
      const status = replacedStatus(url, old?.status, feed, meta);
      await tx.objectStore('feeds').put({ url, status, layout });
      await tx.done;
    } catch (error) {
      await this.deleteCopy(copy).catch(() => {});
      throw storageError(error, feed.entries.length);
    }
    this.changed();
    if (previous !== undefined) await this.deleteCopy(previous);
  }

  async updateStatus(url: string, patch: Partial<FeedStatus>): Promise<void> {
    const tx = this.db.transaction('feeds', 'readwrite');
    const record = (await tx.store.get(url)) ?? { url, status: emptyStatus(url), layout: null };
    record.status = mergeStatus(record.status, { ...patch, url });
    await tx.store.put(record);
    await tx.done;
    this.changed();
  }

  async getStatus(url: string): Promise<FeedStatus | undefined> {
    return (await this.db.get('feeds', url))?.status;
  }

  async listStatus(): Promise<FeedStatus[]> {
    return (await this.db.getAll('feeds')).map((record) => record.status);
  }

  async removeFeed(url: string): Promise<void> {
    const tx = this.db.transaction('feeds', 'readwrite');
    const record = await tx.store.get(url);
    await tx.store.delete(url);
    await tx.done;
    this.changed();
    if (record?.layout) await this.deleteCopy(record.layout.copy);
  }

  async lookup(e164s: readonly string[], now: Date, ttlDays: number): Promise<Map<string, FeedMatch[]>> {
    const numbers = [...new Set(e164s)];
    for (let attempt = 0; ; attempt++) {
      const found = await this.lookupOnce(numbers, now, ttlDays);
      if (found) return found;
      // A copy vanished under us (swapped by another tab): re-read the layouts and try again.
      this.layouts = undefined;
      if (attempt >= 2) throw new Error('feed store: copies kept changing during the lookup');
    }
  }

  /** Undefined when a row of a copy believed current is missing (the copy was replaced meanwhile). */
  private async lookupOnce(numbers: string[], now: Date, ttlDays: number): Promise<Map<string, FeedMatch[]> | undefined> {
    const result = new Map<string, FeedMatch[]>(numbers.map((n) => [n, []]));
    let tx: IDBPTransaction<FeedDB, ('feeds' | 'numbers' | 'blocks' | 'filters')[], 'readonly'> | undefined;
    const transaction = () => (tx ??= this.db.transaction(['feeds', 'numbers', 'blocks', 'filters'], 'readonly'));
    if (!this.layouts || Date.now() - this.layouts.readAt >= this.layoutMaxAgeMs) {
      const records = await transaction().objectStore('feeds').getAll();
      this.layouts = { records, readAt: Date.now() };
      const current = new Set(records.flatMap((r) => (r.layout ? [r.layout.copy] : [])));
      for (const copy of this.filters.keys()) if (!current.has(copy)) this.filters.delete(copy);
      for (const copy of this.resident.keys()) if (!current.has(copy)) this.resident.delete(copy);
    }
    const layouts = this.layouts.records.flatMap((r) => (r.layout ? [r.layout] : []));
    if (layouts.length === 0 || numbers.length === 0) return result;
    void this.loadResident(this.layouts.records).catch(() => {});

    const unfiltered = layouts.filter((layout) => !this.filters.has(layout.copy));
    if (unfiltered.length > 0) {
      const t = transaction();
      const loaded = await Promise.all(unfiltered.map((layout) => t.objectStore('filters').get(layout.copy)));
      for (let i = 0; i < unfiltered.length; i++) {
        const filter = loaded[i];
        if (!filter) return undefined;
        this.filters.set(unfiltered[i]!.copy, filter);
      }
    }

    // Buckets that may hold an answer (the filter rules the rest out), fetched in one transaction.
    const wanted = new Map<string, { store: 'numbers' | 'blocks'; key: BucketKey }>();
    const buckets = new Map<string, FeedEntry[]>(); // every bucket this lookup reads, from wherever
    const need = (store: 'numbers' | 'blocks', copy: number, bucket: number): string => {
      const id = `${copy}:${store === 'numbers' ? 'n' : 'b'}:${bucket}`;
      if (wanted.has(id) || buckets.has(id)) return id;
      const cached = this.cache.get(id);
      if (cached) {
        buckets.set(id, cached);
        return id;
      }
      const held = this.resident.get(copy);
      const text = held && !(held instanceof Promise) ? held[store][bucket] : undefined;
      if (text === undefined) {
        wanted.set(id, { store, key: [copy, bucket] });
        return id;
      }
      const entries = decodeBucket(text);
      this.cache.set(id, entries);
      buckets.set(id, entries);
      return id;
    };
    const probes: { layout: CopyLayout; e164: string; kind: 'number' | 'block'; key: string; id: string }[] = [];
    for (const layout of layouts) {
      const filter = this.filters.get(layout.copy)!;
      for (const e164 of numbers) {
        const hash = hashKey(e164);
        if (mayContain(filter.numbers, hash)) {
          probes.push({ layout, e164, kind: 'number', key: e164, id: need('numbers', layout.copy, hash % layout.numberBuckets) });
        }
        for (let i = layout.blockPrefixLengths.length - 1; i >= 0; i--) {
          const length = layout.blockPrefixLengths[i]!;
          if (length >= e164.length) continue;
          const prefix = e164.slice(0, length);
          const prefixHash = hashKey(prefix);
          if (!mayContain(filter.blocks, prefixHash)) continue;
          probes.push({ layout, e164, kind: 'block', key: prefix, id: need('blocks', layout.copy, prefixHash % layout.blockBuckets) });
        }
      }
    }

    if (wanted.size > 0) {
      const t = transaction();
      const texts = await Promise.all([...wanted.values()].map(({ store, key }) => t.objectStore(store).get(key)));
      let i = 0;
      for (const id of wanted.keys()) {
        const text = texts[i++];
        if (text === undefined) return undefined;
        const entries = decodeBucket(text);
        buckets.set(id, entries);
        this.cache.set(id, entries);
      }
    }

    for (const { layout, e164, kind, key, id } of probes) {
      const matches = result.get(e164)!;
      for (const entry of buckets.get(id) ?? []) {
        if (entry.kind !== kind || entry.key !== key) continue;
        if (kind === 'block' && !blockCovers(entry, e164)) continue;
        matches.push(toFeedMatch(entry, layout.name, now, layout.ttlDays ?? ttlDays));
      }
    }
    return result;
  }

  /** Loads the current copies into memory now (when they fit `residentEntries`); lookups do this lazily. */
  async warm(): Promise<void> {
    const records = await this.db.getAll('feeds');
    this.layouts = { records, readAt: Date.now() };
    await this.loadResident(records);
  }

  private async loadResident(records: FeedRecord[]): Promise<void> {
    const total = records.reduce((sum, r) => sum + (r.layout ? r.status.entryCount : 0), 0);
    if (total > this.residentEntries) return;
    const loads: Promise<void>[] = [];
    for (const { layout } of records) {
      if (!layout) continue;
      const held = this.resident.get(layout.copy);
      if (held instanceof Promise) loads.push(held);
      if (held) continue;
      const load = this.readCopy(layout).then(
        (copy) => void (copy ? this.resident.set(layout.copy, copy) : this.resident.delete(layout.copy)),
        () => void this.resident.delete(layout.copy),
      );
      this.resident.set(layout.copy, load);
      loads.push(load);
    }
    await Promise.all(loads);
  }

  private async readCopy(layout: CopyLayout): Promise<ResidentCopy | undefined> {
    const tx = this.db.transaction(['numbers', 'blocks'], 'readonly');
    const range = IDBKeyRange.bound([layout.copy], [layout.copy, Infinity]);
    const [numbers, blocks] = await Promise.all([tx.objectStore('numbers').getAll(range), tx.objectStore('blocks').getAll(range)]);
    // Rows come in bucket order; a short read means the copy was deleted meanwhile.
    if (numbers.length !== layout.numberBuckets || blocks.length !== layout.blockBuckets) return undefined;
    return { numbers, blocks };
  }

  /** Deletes copies that no feed points at and whose writer has gone quiet. */
  async removeAbandonedCopies(): Promise<number> {
    const [copies, feeds] = await Promise.all([this.db.getAll('copies'), this.db.getAll('feeds')]);
    const current = new Set(feeds.flatMap((f) => (f.layout ? [f.layout.copy] : [])));
    const cutoff = Date.now() - this.staleCopyMs;
    let removed = 0;
    for (const copy of copies) {
      if (copy.id === undefined || current.has(copy.id) || copy.touchedAt > cutoff) continue;
      await this.deleteCopy(copy.id);
      removed++;
    }
    return removed;
  }

  private async writeCopy(url: string, copy: number, feed: ParsedFeed): Promise<CopyLayout> {
    const numbers = feed.entries.filter((e) => e.kind === 'number');
    const blocks = feed.entries.filter((e) => e.kind === 'block');
    const layout: CopyLayout = {
      copy,
      name: feed.name,
      numberBuckets: bucketCount(numbers.length),
      blockBuckets: bucketCount(blocks.length),
      blockPrefixLengths: [...new Set(blocks.map((b) => b.key.length))].sort((a, b) => a - b),
    };
    if (feed.ttlDays !== undefined) layout.ttlDays = feed.ttlDays;
    // Each step over all entries gives the event loop back before the next, so scans are answered between.
    await macrotask();
    const rows: { store: 'numbers' | 'blocks'; bucket: number; entries: FeedEntry[] }[] = [];
    spreadIntoBuckets(numbers, layout.numberBuckets).forEach((entries, bucket) => rows.push({ store: 'numbers', bucket, entries }));
    await macrotask();
    spreadIntoBuckets(blocks, layout.blockBuckets).forEach((entries, bucket) => rows.push({ store: 'blocks', bucket, entries }));
    await macrotask();
    const filter = buildKeyFilter(feed.entries);
    await macrotask();
    for (let start = 0; start < rows.length; start += this.bucketsPerTransaction) {
      const tx = this.db.transaction(['numbers', 'blocks', 'filters', 'copies'], 'readwrite', { durability: 'relaxed' });
      // Stop if another tab judged this write abandoned and removed the copy: never resurrect half of it.
      if (!(await tx.objectStore('copies').get(copy))) {
        tx.done.catch(() => {});
        tx.abort();
        throw new Error('the new copy was removed before it was complete');
      }
      const puts: Promise<unknown>[] = [];
      if (start === 0) puts.push(tx.objectStore('filters').put(filter, copy));
      for (const row of rows.slice(start, start + this.bucketsPerTransaction)) {
        puts.push(tx.objectStore(row.store).put(encodeBucket(row.entries), [copy, row.bucket]));
      }
      puts.push(tx.objectStore('copies').put({ id: copy, url, touchedAt: Date.now() }));
      await Promise.all([...puts, tx.done]);
      await this.onBatchWritten?.(Math.min(rows.length, start + this.bucketsPerTransaction), rows.length);
    }
    return layout;
  }

  private async deleteCopy(copy: number): Promise<void> {
    const tx = this.db.transaction(['numbers', 'blocks', 'filters', 'copies'], 'readwrite');
    const range = IDBKeyRange.bound([copy], [copy, Infinity]);
    await Promise.all([
      tx.objectStore('filters').delete(copy),
      tx.objectStore('numbers').delete(range),
      tx.objectStore('blocks').delete(range),
      tx.objectStore('copies').delete(copy),
      tx.done,
    ]);
  }

  private changed(): void {
    this.layouts = undefined;
    this.channel?.postMessage('changed');
  }
}

export function storageError(error: unknown, entries: number): Error {
  const err = error as { name?: string; message?: string };
  const name = err?.name ?? '';
  if (name === 'QuotaExceededError' || /quota/i.test(err?.message ?? '')) {
    return new Error(`storage quota exceeded while storing ${entries} entries; the previous copy stays in use`, { cause: error });
  }
  return new Error(`could not store the feed (${name || 'error'}: ${err?.message ?? String(error)}); the previous copy stays in use`, {
    cause: error,
  });
}
