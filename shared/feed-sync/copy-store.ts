// Storing a copy read as bucket rows (read-copy.ts). A store that keeps buckets (IndexedDB) applies it as
// a diff against the copy in use; a store that keeps whole copies (the CLI's) gets it as one ParsedFeed.
import type { FeedEntry, FeedStatus, FeedStore, ParsedFeed } from '../feed/types.ts';
import { bucketCount, decodeBucket } from './bucket-codec.ts';
import { BucketRows, type CopyRows } from './bucket-rows.ts';
import type { ReadCopy } from './read-copy.ts';
import { macrotask } from '../feed/steps.ts';

export interface CopyWriteReport {
  /** Distinct entries in the stored copy. */
  entries: number;
  /** Buckets of the new copy (numbers and blocks). */
  buckets: number;
  /** Buckets written (changed or new). */
  written: number;
  /** Buckets of the old copy deleted (changed, vanished, or the whole old copy). */
  deleted: number;
}

export interface CopyStore extends FeedStore {
  /**
   * Stores `copy` (consuming its rows) as the feed's current copy, atomically: readers see the old copy
   * until the new one is complete. Buckets whose content did not change are not written again.
   */
  applyCopy(url: string, copy: ReadCopy, meta: Partial<FeedStatus>): Promise<CopyWriteReport>;
  /**
   * A new copy whose rows are written out to the store while it is read (readCopy's `rows`), so a big copy
   * is never held whole in memory. Nothing staged is live; applyCopy takes the copy (`copy.stagedCopy`) or
   * discard() deletes it.
   */
  stageCopy?(url: string): Promise<StagedCopy>;
}

export interface StagedCopy {
  id: number;
  rows(kind: 'numbers' | 'blocks'): CopyRows;
  discard(): Promise<void>;
}

export function isCopyStore(store: FeedStore): store is CopyStore {
  return typeof (store as Partial<CopyStore>).applyCopy === 'function';
}

/** Stores a copy in any store; returns the distinct entry count (and the bucket report where there is one). */
export async function storeCopy(store: FeedStore, url: string, copy: ReadCopy, meta: Partial<FeedStatus>): Promise<CopyWriteReport> {
  if (isCopyStore(store)) return store.applyCopy(url, copy, meta);
  const feed = await toParsedFeed(copy);
  await store.replaceFeed(url, feed, meta);
  return { entries: feed.entries.length, buckets: 0, written: 0, deleted: 0 };
}

/**
 * Buckets for a copy of `rows` entries: the old copy's count while it still fits (between half and twice
 * the fresh count, and a multiple of `multiple`), so an update can be compared bucket by bucket; a fresh
 * count (rounded up to a multiple of `multiple`) otherwise.
 */
export function chooseBucketCount(rows: number, old: number | undefined, multiple = 1): number {
  const fresh = Math.ceil(bucketCount(rows) / multiple) * multiple;
  if (old !== undefined && old > 0 && old % multiple === 0 && fresh <= old * 2 && fresh * 2 >= old) return old;
  return fresh;
}

/** The whole copy as one ParsedFeed (consumes the rows), built in slices that give the event loop back. */
export async function toParsedFeed(copy: ReadCopy, sliceMs = 8): Promise<ParsedFeed> {
  const entries: FeedEntry[] = [];
  let sliceStart = performance.now();
  for (const rows of [copy.numbers, copy.blocks]) {
    for await (const built of rows.buckets(chooseBucketCount(rows.size, undefined, rows.bucketMultiple))) {
      if (built.text !== undefined) entries.push(...decodeBucket(built.text));
      if (performance.now() - sliceStart >= sliceMs) {
        await macrotask();
        sliceStart = performance.now();
      }
    }
    rows.clear();
  }
  const feed: ParsedFeed = { format: copy.format, name: copy.name, entries };
  if (copy.published !== undefined) feed.published = copy.published;
  if (copy.ttlDays !== undefined) feed.ttlDays = copy.ttlDays;
  if (copy.empty) feed.empty = true;
  return feed;
}

/** A ParsedFeed as rows (for stores that take whole feeds through replaceFeed too). */
export function fromParsedFeed(feed: ParsedFeed): ReadCopy {
  const copy: ReadCopy = {
    format: feed.format,
    name: feed.name,
    numbers: new BucketRows(),
    blocks: new BucketRows(),
    blockPrefixLengths: [],
    errors: [],
    streamed: false,
  };
  const lengths = new Set<number>();
  for (const entry of feed.entries) {
    if (entry.kind === 'block') {
      copy.blocks.add(entry);
      lengths.add(entry.key.length);
    } else copy.numbers.add(entry);
  }
  copy.blockPrefixLengths = [...lengths].sort((a, b) => a - b);
  if (feed.published !== undefined) copy.published = feed.published;
  if (feed.ttlDays !== undefined) copy.ttlDays = feed.ttlDays;
  if (feed.empty) copy.empty = true;
  return copy;
}
