// Feeds kept in IndexedDB (extension and add-in), each feed apart, swapped atomically.
//
// Layout (database "ringfence-feeds"):
//   feeds   url → { status, layout }         layout names the current copy; status is what the popup shows
//   copies  id  → { url, touchedAt }         every copy being written or holding rows in use, for cleaning up
//   numbers [copy, bucket] → JSON bucket    exact numbers, spread over hash buckets (see bucket-codec.ts)
//   blocks  [copy, bucket] → JSON bucket    number blocks keyed by prefix, same scheme
//   filters copy → { sorted key hashes, holders, digests }   loaded once per copy
//   staging [copy, kind, partition, seq] → rows   rows of a copy being read (staged-rows.ts), never live
// A new copy gets a fresh copy id. Only buckets whose digest differs from the copy in use are written under
// it (in batches); `holders` says, bucket by bucket, which copy id holds its row (0: the bucket is empty),
// so unchanged buckets stay where an earlier copy wrote them. One transaction then points feeds[url] at
// the new copy; only then are rows no copy uses any more deleted. Readers follow feeds[url], so they see
// the old copy or the new one, never a part. A copy whose writer died (no heartbeat for `staleCopyMs`) is
// garbage and is removed on the next start. Copies written before holders existed keep all their buckets
// under their own id. A big copy's rows are staged while it is read and deleted once its buckets are
// built (or with the copy when the sync fails).
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { FeedMatch } from '../types.ts';
import type { FeedEntry, FeedStatus, ParsedFeed } from '../feed/types.ts';
import { toFeedMatch } from '../feed/to-feed-match.ts';
import { blockCovers } from '../feed/block-prefixes.ts';
import { hashKey, decodeBucket } from '../feed-sync/bucket-codec.ts';
import { BucketCache } from '../feed-sync/bucket-cache.ts';
import { mayContain, type KeyFilter } from '../feed-sync/key-filter.ts';
import { emptyStatus, mergeStatus, replacedStatusFor } from '../feed-sync/status.ts';
import { chooseBucketCount, fromParsedFeed, type CopyStore, type CopyWriteReport } from '../feed-sync/copy-store.ts';
import type { ReadCopy } from '../feed-sync/read-copy.ts';
import { StagedRows, type RowSpill } from '../feed-sync/staged-rows.ts';
import { BucketRows } from '../feed-sync/bucket-rows.ts';
import type { StagedCopy } from '../feed-sync/copy-store.ts';
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
type Kind = 'numbers' | 'blocks';

/** A copy's key filter, and where each of its buckets is and what it holds. */
interface FilterRecord extends KeyFilter {
  /** Copy id holding each bucket's row; 0 for an empty bucket. Absent: every bucket under the copy's own id. */
  holders?: Record<Kind, Uint32Array>;
  /** Two 32-bit digest halves per bucket (bucket-codec.ts bucketDigest), for the next update's diff. */
  digests?: Record<Kind, Uint32Array>;
}

interface ResidentCopy {
  numbers: string[];
  blocks: string[];
}

interface FeedDB extends DBSchema {
  feeds: { key: string; value: FeedRecord };
  copies: { key: number; value: CopyRecord };
  numbers: { key: BucketKey; value: string };
  blocks: { key: BucketKey; value: string };
  filters: { key: number; value: FilterRecord };
  staging: { key: StagingKey; value: string };
}

/** Copy, kind (0 numbers, 1 blocks), partition, piece number. */
type StagingKey = [number, number, number, number];

export interface IdbFeedStoreOptions {
  /** Database name. Default "ringfence-feeds". */
  name?: string;
  /** Buckets written per transaction. Default 500 (about 8,000 entries): short, so lookups wait little behind one. */
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
  /** Called after each batch of a copy is written: buckets written so far, and buckets the new copy has. */
  onBatchWritten?: (written: number, total: number) => void | Promise<void>;
  /** Longest stretch of bucket building before other tasks get a turn, in ms. Default 8. */
  sliceMs?: number;
  /** Bytes of rows a copy being read gathers in memory before they are staged in the database. Default 4 MB. */
  stagingBytes?: number;
  /**
   * Stage the rows of a copy being read in the database (default true). Off only where the database itself
   * lives in this process's memory (fake-indexeddb in Node): staging there moves rows from one part of the
   * heap to another and holds them twice, so a copy's rows are kept as compact in-memory rows instead.
   */
  stageRows?: boolean;
}

export const FEED_DB_NAME = 'ringfence-feeds';
const SCHEMA_VERSION = 2;

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
      if (!database.objectStoreNames.contains('staging')) database.createObjectStore('staging');
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

export class IdbFeedStore implements CopyStore {
  private readonly bucketsPerTransaction: number;
  private readonly staleCopyMs: number;
  private readonly layoutMaxAgeMs: number;
  private readonly cache: BucketCache;
  private readonly channel: BroadcastChannel | undefined;
  private layouts: { records: FeedRecord[]; readAt: number } | undefined;
  /** Filters of the copies lookups use (copies never change, so a filter never goes stale). */
  private readonly filters = new Map<number, FilterRecord>();
  /** Bucket strings of copies held in memory, by copy; a promise while loading. */
  private readonly resident = new Map<number, ResidentCopy | Promise<void>>();
  private readonly residentEntries: number;
  private readonly onBatchWritten: IdbFeedStoreOptions['onBatchWritten'];
  private readonly sliceMs: number;
  private readonly stagingBytes: number | undefined;
  private readonly stageRows: boolean;

  constructor(
    private readonly db: IDBPDatabase<FeedDB>,
    readonly name: string,
    options: IdbFeedStoreOptions,
  ) {
    this.bucketsPerTransaction = options.bucketsPerTransaction ?? 500;
    this.sliceMs = options.sliceMs ?? 8;
    this.stagingBytes = options.stagingBytes;
    this.stageRows = options.stageRows ?? true;
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
    await this.applyCopy(url, fromParsedFeed(feed), meta);
  }

  /** A new copy whose rows are staged in the database while it is read (see StagedCopy). */
  async stageCopy(url: string): Promise<StagedCopy> {
    const id = await this.db.add('copies', { url, touchedAt: Date.now() });
    return {
      id,
      rows: (kind) => (this.stageRows ? new StagedRows(this.spill(url, id, kind === 'numbers' ? 0 : 1), this.stagingBytes) : new BucketRows()),
      discard: () => this.deleteCopy(id),
    };
  }

  private spill(url: string, id: number, kind: number): RowSpill {
    let seq = 0;
    return {
      write: async (pieces) => {
        const tx = this.db.transaction(['staging', 'copies'], 'readwrite', { durability: 'relaxed' });
        const puts = pieces.map(({ partition, rows }) => tx.objectStore('staging').put(rows, [id, kind, partition, seq++]));
        pieces.length = 0;
        await whileCopyLives(tx, id, url, puts);
      },
      take: async (partition) => {
        const range = IDBKeyRange.bound([id, kind, partition], [id, kind, partition, Infinity]);
        const tx = this.db.transaction('staging', 'readwrite', { durability: 'relaxed' });
        const [rows] = await Promise.all([tx.store.getAll(range), tx.store.delete(range), tx.done]);
        return rows;
      },
    };
  }

  async applyCopy(url: string, copy: ReadCopy, meta: Partial<FeedStatus>): Promise<CopyWriteReport> {
    const rows = copy.numbers.size + copy.blocks.size;
    const oldLayout = (await this.db.get('feeds', url))?.layout ?? null;
    const oldFilter = oldLayout ? await this.db.get('filters', oldLayout.copy) : undefined;
    const id = copy.stagedCopy ?? (await this.db.add('copies', { url, touchedAt: Date.now() }));
    let written: Awaited<ReturnType<IdbFeedStore['writeChanged']>>;
    try {
      written = await this.writeChanged(url, id, copy, oldLayout, oldFilter);
      await this.db.delete('staging', IDBKeyRange.bound([id], [id, Infinity]));
    } catch (error) {
      await this.deleteCopy(id).catch(() => {});
      throw storageError(error, rows);
    }
    const { layout, filter, entries } = written;

    try {
      const tx = this.db.transaction(['feeds', 'copies', 'filters'], 'readwrite');
      // Another tab may have judged this copy abandoned (a stalled write) and removed it: never point at it.
      if (!(await tx.objectStore('copies').get(id))) throw new Error('the new copy was removed before it was complete');
      const old = await tx.objectStore('feeds').get(url);
      // Unchanged buckets were left where the old copy keeps them: that copy must still be the one in use.
      if ((old?.layout?.copy ?? null) !== (oldLayout?.copy ?? null)) throw new Error('another writer replaced the feed meanwhile');
      const status = replacedStatusFor(url, old?.status, { name: copy.name, format: copy.format, entryCount: entries }, meta);
      await tx.objectStore('filters').put(filter, id);
      await tx.objectStore('feeds').put({ url, status, layout });
      await tx.done;
    } catch (error) {
      await this.deleteCopy(id).catch(() => {});
      throw storageError(error, rows);
    }
    this.changed();
    const deleted = oldLayout ? await this.dropSuperseded(oldLayout, oldFilter, id, filter) : 0;
    return { entries, buckets: layout.numberBuckets + layout.blockBuckets, written: written.written, deleted };
  }

  /** Builds the new copy's buckets in order and writes those whose digest differs from the old copy's. */
  private async writeChanged(url: string, id: number, copy: ReadCopy, oldLayout: CopyLayout | null, oldFilter: FilterRecord | undefined) {
    const layout: CopyLayout = { copy: id, name: copy.name, numberBuckets: 0, blockBuckets: 0, blockPrefixLengths: copy.blockPrefixLengths };
    if (copy.ttlDays !== undefined) layout.ttlDays = copy.ttlDays;
    const filter: FilterRecord = {
      numbers: copy.numbers.sortedHashes(),
      blocks: copy.blocks.sortedHashes(),
      holders: { numbers: new Uint32Array(0), blocks: new Uint32Array(0) },
      digests: { numbers: new Uint32Array(0), blocks: new Uint32Array(0) },
    };
    let entries = 0;
    let written = 0;
    let total = 0;
    let pending: { kind: Kind; bucket: number; text: string }[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      const tx = this.db.transaction(['numbers', 'blocks', 'copies'], 'readwrite', { durability: 'relaxed' });
      const puts = batch.map((row) => tx.objectStore(row.kind).put(row.text, [id, row.bucket]));
      const count = batch.length;
      batch.length = 0;
      await whileCopyLives(tx, id, url, puts);
      written += count;
      await this.onBatchWritten?.(written, total);
    };
    let sliceStart = performance.now();
    for (const kind of ['numbers', 'blocks'] as const) {
      const rows = copy[kind];
      const oldCount = oldLayout ? (kind === 'numbers' ? oldLayout.numberBuckets : oldLayout.blockBuckets) : undefined;
      const oldDigests = oldFilter?.digests?.[kind];
      const count = chooseBucketCount(rows.size, oldDigests ? oldCount : undefined, rows.bucketMultiple);
      const diffable = oldDigests !== undefined && oldLayout !== null && count === oldCount;
      const oldHolders = oldFilter?.holders?.[kind];
      const holders = new Uint32Array(count);
      const digests = new Uint32Array(count * 2);
      if (kind === 'numbers') layout.numberBuckets = count;
      else layout.blockBuckets = count;
      total += count;
      for await (const built of rows.buckets(count)) {
        const b = built.bucket;
        digests[2 * b] = built.digest[0];
        digests[2 * b + 1] = built.digest[1];
        entries += built.entries;
        if (built.text !== undefined) {
          if (diffable && oldDigests[2 * b] === built.digest[0] && oldDigests[2 * b + 1] === built.digest[1]) {
            holders[b] = oldHolders ? oldHolders[b]! : oldLayout.copy;
          } else {
            holders[b] = id;
            pending.push({ kind, bucket: b, text: built.text });
            if (pending.length >= this.bucketsPerTransaction) await flush();
          }
        }
        if (performance.now() - sliceStart >= this.sliceMs) {
          await macrotask();
          sliceStart = performance.now();
        }
      }
      filter.holders![kind] = holders;
      filter.digests![kind] = digests;
      rows.clear();
    }
    await flush();
    return { layout, filter, entries, written };
  }

  /** After a swap: deletes the old copy's rows the new copy does not use, and copies left holding nothing. */
  private async dropSuperseded(oldLayout: CopyLayout, oldFilter: FilterRecord | undefined, id: number, filter: FilterRecord): Promise<number> {
    const kept = holderIds(id, filter); // the copies the new copy reads from
    let deleted = 0;
    const rowsToDelete: { kind: Kind; key: BucketKey }[] = [];
    for (const kind of ['numbers', 'blocks'] as const) {
      const count = kind === 'numbers' ? oldLayout.numberBuckets : oldLayout.blockBuckets;
      const oldHolders = oldFilter?.holders?.[kind];
      const newHolders = filter.holders?.[kind];
      for (let b = 0; b < count; b++) {
        const holder = oldHolders ? oldHolders[b]! : oldLayout.copy;
        if (holder === 0) continue;
        if (newHolders?.[b] === holder && newHolders.length === count) continue;
        deleted++;
        if (kept.has(holder)) rowsToDelete.push({ kind, key: [holder, b] });
      }
    }
    for (let start = 0; start < rowsToDelete.length; start += this.bucketsPerTransaction) {
      const tx = this.db.transaction(['numbers', 'blocks'], 'readwrite');
      await Promise.all([...rowsToDelete.slice(start, start + this.bucketsPerTransaction).map((row) => tx.objectStore(row.kind).delete(row.key)), tx.done]);
    }
    for (const holder of holderIds(oldLayout.copy, oldFilter)) {
      if (!kept.has(holder)) await this.deleteCopy(holder);
    }
    // The old copy's filter is not needed once no layout names it (its rows may live on as holders).
    if (kept.has(oldLayout.copy)) await this.db.delete('filters', oldLayout.copy);
    return deleted;
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
    if (record?.layout) {
      const filter = await this.db.get('filters', record.layout.copy);
      for (const holder of holderIds(record.layout.copy, filter)) await this.deleteCopy(holder);
    }
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
    const need = (store: Kind, copy: number, bucket: number): string => {
      // A row never changes once written, so it is cached by the copy that holds it.
      const holders = this.filters.get(copy)?.holders?.[store];
      const holder = holders ? holders[bucket]! : copy;
      const id = `${holder}:${store === 'numbers' ? 'n' : 'b'}:${bucket}`;
      if (wanted.has(id) || buckets.has(id)) return id;
      if (holder === 0) {
        buckets.set(id, []);
        return id;
      }
      const cached = this.cache.get(id);
      if (cached) {
        buckets.set(id, cached);
        return id;
      }
      const held = this.resident.get(copy);
      const text = held && !(held instanceof Promise) ? held[store][bucket] : undefined;
      if (text === undefined) {
        wanted.set(id, { store, key: [holder, bucket] });
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
    const tx = this.db.transaction(['numbers', 'blocks', 'filters'], 'readonly');
    const filter = await tx.objectStore('filters').get(layout.copy);
    if (!filter) return undefined;
    const copy: ResidentCopy = { numbers: [], blocks: [] };
    for (const kind of ['numbers', 'blocks'] as const) {
      const count = kind === 'numbers' ? layout.numberBuckets : layout.blockBuckets;
      const holders = filter.holders?.[kind];
      const texts: string[] = (copy[kind] = new Array<string>(count).fill('[]'));
      let expected = 0;
      for (let b = 0; b < count; b++) if ((holders ? holders[b] : layout.copy) !== 0) expected++;
      let found = 0;
      for (const holder of holders ? new Set(holders) : [layout.copy]) {
        if (holder === 0) continue;
        const range = IDBKeyRange.bound([holder], [holder, Infinity]);
        const [keys, values] = await Promise.all([tx.objectStore(kind).getAllKeys(range), tx.objectStore(kind).getAll(range)]);
        keys.forEach((key, i) => {
          const bucket = key[1];
          if (bucket < count && (holders ? holders[bucket] : layout.copy) === holder) {
            texts[bucket] = values[i]!;
            found++;
          }
        });
      }
      // A short read means a copy was deleted meanwhile.
      if (found !== expected) return undefined;
    }
    return copy;
  }

  /** Deletes copies that no feed points at and whose writer has gone quiet. */
  async removeAbandonedCopies(): Promise<number> {
    const [copies, feeds] = await Promise.all([this.db.getAll('copies'), this.db.getAll('feeds')]);
    const current = new Set<number>();
    for (const { layout } of feeds) {
      if (!layout) continue;
      for (const holder of holderIds(layout.copy, await this.db.get('filters', layout.copy))) current.add(holder);
    }
    const cutoff = Date.now() - this.staleCopyMs;
    let removed = 0;
    for (const copy of copies) {
      if (copy.id === undefined || current.has(copy.id) || copy.touchedAt > cutoff) continue;
      await this.deleteCopy(copy.id);
      removed++;
    }
    return removed;
  }

  private async deleteCopy(copy: number): Promise<void> {
    const tx = this.db.transaction(['numbers', 'blocks', 'filters', 'copies', 'staging'], 'readwrite');
    const range = IDBKeyRange.bound([copy], [copy, Infinity]);
    await Promise.all([
      tx.objectStore('staging').delete(range),
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

/**
 * Finishes a transaction whose puts of a copy's rows were already made (a put copies its value when it is
 * made, so the caller lets the rows go at once instead of holding them while the transaction runs). Unless
 * the copy is still listed (another tab may have judged the write abandoned and removed it), the transaction
 * is aborted and nothing is written: half of a removed copy is never resurrected.
 */
async function whileCopyLives(
  tx: IDBPTransaction<FeedDB, ('staging' | 'copies' | 'numbers' | 'blocks')[], 'readwrite'>,
  id: number,
  url: string,
  puts: Promise<unknown>[],
): Promise<void> {
  const copies = tx.objectStore('copies');
  if (!(await copies.get(id))) {
    for (const put of puts) put.catch(() => {});
    tx.done.catch(() => {});
    tx.abort();
    throw new Error('the new copy was removed before it was complete');
  }
  await Promise.all([...puts, copies.put({ id, url, touchedAt: Date.now() }), tx.done]);
}

/** The copy ids a copy reads its buckets from: its own, and those its holders name. */
function holderIds(own: number, filter: FilterRecord | undefined): Set<number> {
  const ids = new Set<number>([own]);
  for (const kind of ['numbers', 'blocks'] as const) for (const holder of filter?.holders?.[kind] ?? []) if (holder !== 0) ids.add(holder);
  return ids;
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
