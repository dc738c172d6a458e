// A new feed copy held as compact rows while it is read: each accepted entry becomes its bucket row text
// (~80 bytes for an entry with every README field) and its key's hash, and the parsed entry is let go. The
// bucket count is chosen once the whole copy is read; then buckets are produced one at a time, in order,
// duplicates merged, so a store never needs all entries as objects at once. BucketRows keeps every row in
// memory (the CLI's store, small copies); staged-rows.ts writes them out to the store while they are read.
import type { FeedEntry } from '../feed/types.ts';
import { mergeEntries } from '../feed/feed-collector.ts';
import { bucketDigest, decodeRow, encodeRow, hashKey } from './bucket-codec.ts';
import { decodeUtf8, encodeUtf8Into } from './utf8-text.ts';

export interface BuiltBucket {
  bucket: number;
  /** The bucket's stored text, or undefined when no entry falls in it. */
  text: string | undefined;
  digest: [number, number];
  /** Distinct entries in the bucket. */
  entries: number;
}

/** The rows of one kind (numbers or blocks) of a copy being read, however they are kept. */
export interface CopyRows {
  readonly size: number;
  /** The bucket count must be a multiple of this (rows staged in partitions); 1 when any count will do. */
  readonly bucketMultiple: number;
  add(entry: FeedEntry): void;
  /** Writes rows out of memory once enough have gathered (staged rows); call it between pieces of work. */
  settle(): Promise<void>;
  /** Sorted key hashes (the copy's key filter for this kind). */
  sortedHashes(): Uint32Array;
  /** Every bucket 0…buckets-1 once (in an order of the rows' choosing), built by builtBucket. */
  buckets(buckets: number): Iterable<BuiltBucket> | AsyncIterable<BuiltBucket>;
  /** Lets the rows go (and anything they staged). */
  clear(): void;
}

/** Digest halves of an empty bucket: nothing is stored for it. */
export const EMPTY_DIGEST: [number, number] = [0, 0];

/** Bytes of one page of row text. */
const PAGE = 1 << 20;

/**
 * The rows of one kind (numbers or blocks) of a copy being read, as UTF-8 in 1 MB pages (a row as a JS
 * string would cost half as much again: ~160 bytes an entry with its header and slot, against ~95 here).
 */
export class BucketRows implements CopyRows {
  private pages: Uint8Array[] = [];
  private used = PAGE;
  private count = 0;
  private hashes: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  /** Page, start and length of each row's text. */
  private page: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  private start: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  private length: Uint32Array<ArrayBuffer> = new Uint32Array(1024);

  get size(): number {
    return this.count;
  }

  /** Any bucket count will do: every row is at hand. */
  readonly bucketMultiple = 1;

  /** Nothing to write out: the rows stay in memory. */
  settle(): Promise<void> {
    return Promise.resolve();
  }

  add(entry: FeedEntry): void {
    if (this.count === this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.page = grow(this.page);
      this.start = grow(this.start);
      this.length = grow(this.length);
    }
    const row = encodeRow(entry);
    const room = row.length * 3;
    if (this.used + room > (this.pages[this.pages.length - 1]?.length ?? 0)) {
      this.pages.push(new Uint8Array(Math.max(PAGE, room)));
      this.used = 0;
    }
    const at = this.pages.length - 1;
    const written = encodeUtf8Into(row, this.pages[at]!, this.used);
    this.hashes[this.count] = hashKey(entry.key);
    this.page[this.count] = at;
    this.start[this.count] = this.used;
    this.length[this.count] = written;
    this.used += written;
    this.count++;
  }

  private row(i: number): string {
    const start = this.start[i]!;
    return decodeUtf8(this.pages[this.page[i]!]!, start, start + this.length[i]!);
  }

  /** Sorted key hashes (the copy's key filter for this kind). */
  sortedHashes(): Uint32Array {
    return this.hashes.slice(0, this.count).sort();
  }

  /** The copy's buckets 0…buckets-1 in order. */
  *buckets(buckets: number): Generator<BuiltBucket, void, void> {
    const count = this.count;
    const starts = new Uint32Array(buckets + 1);
    for (let i = 0; i < count; i++) starts[(this.hashes[i]! % buckets) + 1]!++;
    for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
    const order = new Uint32Array(count);
    const fill = starts.slice(0, buckets);
    for (let i = 0; i < count; i++) order[fill[this.hashes[i]! % buckets]!++] = i;
    for (let b = 0; b < buckets; b++) {
      const from = starts[b]!;
      const to = starts[b + 1]!;
      if (from === to) {
        yield { bucket: b, text: undefined, digest: EMPTY_DIGEST, entries: 0 };
        continue;
      }
      const rows: string[] = [];
      for (let k = from; k < to; k++) rows.push(this.row(order[k]!));
      yield builtBucket(b, rows);
    }
  }

  /** Lets the rows go. */
  clear(): void {
    this.pages = [];
    this.count = 0;
    this.hashes = this.page = this.start = this.length = new Uint32Array(0);
  }
}

/**
 * One bucket built from its rows (any order between keys; document order among rows of one key): rows
 * ordered by key, rows of one entry merged as the parsers merge them, so a bucket's text depends on its
 * entries, not on where they stood in the document.
 */
export function builtBucket(bucket: number, rows: readonly string[]): BuiltBucket {
  const keyed = rows.map((row) => ({ id: rowId(row), row }));
  keyed.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const merged: string[] = [];
  for (let k = 0; k < keyed.length; ) {
    let end = k + 1;
    while (end < keyed.length && keyed[end]!.id === keyed[k]!.id) end++;
    if (end === k + 1) merged.push(keyed[k]!.row);
    else merged.push(encodeRow(keyed.slice(k, end).map((r) => decodeRow(r.row)).reduce((a, e) => mergeEntries(a, e))));
    k = end;
  }
  const text = `[${merged.join(',')}]`;
  return { bucket, text, digest: bucketDigest(text), entries: merged.length };
}

/** The array copied into one twice as long. */
export function grow(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/**
 * What makes two rows the same entry (FeedCollector's kind|key|digits|verdict): the row text up to its
 * third comma — key, flags (kind and verdict) and digits. Keys are E.164 text, with no commas or quotes.
 */
function rowId(row: string): string {
  const second = row.indexOf(',', row.indexOf(',') + 1);
  if (second < 0) return `${row.slice(0, -1)},null`;
  const third = row.indexOf(',', second + 1);
  return third < 0 ? row.slice(0, -1) : row.slice(0, third);
}
