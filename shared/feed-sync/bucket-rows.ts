// A new feed copy held as compact rows while it is read: each accepted entry becomes its bucket row text
// (~80 bytes for an entry with every README field) and its key's hash, and the parsed entry is let go. The
// bucket count is chosen once the whole copy is read; then buckets are produced one at a time, in order,
// duplicates merged, so a store never needs all entries as objects at once.
import type { FeedEntry } from '../feed/types.ts';
import { mergeEntries } from '../feed/feed-collector.ts';
import { bucketDigest, decodeBucket, decodeRow, encodeRow, hashKey } from './bucket-codec.ts';

export interface BuiltBucket {
  bucket: number;
  /** The bucket's stored text, or undefined when no entry falls in it. */
  text: string | undefined;
  digest: [number, number];
  /** Distinct entries in the bucket. */
  entries: number;
}

/** Digest halves of an empty bucket: nothing is stored for it. */
export const EMPTY_DIGEST: [number, number] = [0, 0];

/** Bytes of one page of row text. */
const PAGE = 1 << 20;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The rows of one kind (numbers or blocks) of a copy being read, as UTF-8 in 1 MB pages (a row as a JS
 * string would cost half as much again: ~160 bytes an entry with its header and slot, against ~95 here).
 */
export class BucketRows {
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
    const { written } = encoder.encodeInto(row, this.pages[at]!.subarray(this.used));
    this.hashes[this.count] = hashKey(entry.key);
    this.page[this.count] = at;
    this.start[this.count] = this.used;
    this.length[this.count] = written;
    this.used += written;
    this.count++;
  }

  private row(i: number): string {
    const start = this.start[i]!;
    return decoder.decode(this.pages[this.page[i]!]!.subarray(start, start + this.length[i]!));
  }

  /** Sorted key hashes (the copy's key filter for this kind). */
  sortedHashes(): Uint32Array {
    return this.hashes.slice(0, this.count).sort();
  }

  /**
   * The copy's buckets 0…buckets-1 in order. Rows are ordered by key (document order among rows of one key,
   * which are merged as the parsers merge them), so a bucket's text depends on its entries, not on where
   * they stood in the document.
   */
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
      const rows: { id: string; row: string }[] = [];
      for (let k = from; k < to; k++) {
        const row = this.row(order[k]!);
        rows.push({ id: rowId(row), row });
      }
      rows.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      const merged: string[] = [];
      for (let k = 0; k < rows.length; ) {
        let end = k + 1;
        while (end < rows.length && rows[end]!.id === rows[k]!.id) end++;
        if (end === k + 1) merged.push(rows[k]!.row);
        else merged.push(encodeRow(rows.slice(k, end).map((r) => decodeRow(r.row)).reduce((a, e) => mergeEntries(a, e))));
        k = end;
      }
      const text = `[${merged.join(',')}]`;
      yield { bucket: b, text, digest: bucketDigest(text), entries: merged.length };
    }
  }

  /** Every distinct entry, decoded (for stores that keep whole copies). */
  *entries(buckets: number): Generator<FeedEntry, void, void> {
    for (const built of this.buckets(buckets)) {
      if (built.text === undefined) continue;
      yield* decodeBucket(built.text);
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
 * What makes two rows the same entry (FeedCollector's kind|key|digits|verdict): the row text up to its
 * third comma — key, flags (kind and verdict) and digits. Keys are E.164 text, with no commas or quotes.
 */
function grow(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(array.length * 2);
  grown.set(array);
  return grown;
}

function rowId(row: string): string {
  const second = row.indexOf(',', row.indexOf(',') + 1);
  if (second < 0) return `${row.slice(0, -1)},null`;
  const third = row.indexOf(',', second + 1);
  return third < 0 ? row.slice(0, -1) : row.slice(0, third);
}
