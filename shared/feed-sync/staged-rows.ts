// The rows of a big copy written out to the store while it is read, so the reader holds a few megabytes
// instead of the whole copy (a million entries are ~80 MB of rows). Rows are kept in PARTITIONS lists by
// key hash; once SPILL_BYTES have gathered, every list is handed to the store as one piece and memory is
// reused. A partition holds every row of the buckets p, p + PARTITIONS, … (the bucket count must be a
// multiple of PARTITIONS), so buckets are built one partition at a time from its pieces read back.
// Nothing here is live: the store keeps pieces apart from copies in use and deletes them with the copy.
import type { FeedEntry } from '../feed/types.ts';
import { encodeRow, hashKey } from './bucket-codec.ts';
import { builtBucket, EMPTY_DIGEST, grow, type BuiltBucket, type CopyRows } from './bucket-rows.ts';
import { decodeUtf8, encodeUtf8Into } from './utf8-text.ts';

/** Where staged rows go: pieces of a partition (rows, each ended by a newline), read back in the order written. */
export interface RowSpill {
  /** Stores the pieces and takes them: the array is emptied once they are handed on, so they die young. */
  write(pieces: { partition: number; rows: string }[]): Promise<void>;
  /**
   * A partition's pieces, read back once: the store may drop them as it hands them out, so a big copy's
   * staged rows are deleted a partition at a time while its buckets are built, not in one long delete.
   */
  take(partition: number): Promise<string[]>;
}

export const PARTITIONS = 64;
/** Bytes of rows gathered in memory before they are written out (about 50,000 rows). */
export const SPILL_BYTES = 4 << 20;

/**
 * Rows wait in one reused UTF-8 buffer per partition and leave as text decoded in JavaScript, one string a
 * partition: a row's JSON text holds no raw newline, and its key (its first element, E.164 text) gives its
 * hash back. Nothing lives on per row, and no buffer is allocated per piece: buffers (and strings the
 * browser makes) count as the JS engine's external memory, which it lets pile up by tens of megabytes
 * between collections; JS strings are collected young.
 */
export class StagedRows implements CopyRows {
  private count = 0;
  private hashes: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  private readonly parts: Uint8Array[] = Array.from({ length: PARTITIONS }, () => new Uint8Array(4096));
  private readonly used = new Uint32Array(PARTITIONS);
  private buffered = 0;
  private spilled = false;

  constructor(
    private readonly spill: RowSpill,
    private readonly spillBytes = SPILL_BYTES,
  ) {}

  get size(): number {
    return this.count;
  }

  get bucketMultiple(): number {
    return this.spilled ? PARTITIONS : 1;
  }

  add(entry: FeedEntry): void {
    if (this.count === this.hashes.length) this.hashes = grow(this.hashes);
    const hash = hashKey(entry.key);
    const row = encodeRow(entry);
    const p = hash % PARTITIONS;
    let part = this.parts[p]!;
    const at = this.used[p]!;
    if (at + row.length * 3 + 1 > part.length) {
      const grown = new Uint8Array(Math.max(part.length * 2, at + row.length * 3 + 1));
      grown.set(part.subarray(0, at));
      part = this.parts[p] = grown;
    }
    const written = encodeUtf8Into(row, part, at);
    part[at + written] = NEWLINE;
    this.used[p] = at + written + 1;
    this.buffered += written + 1;
    this.hashes[this.count++] = hash;
  }

  async settle(): Promise<void> {
    if (this.buffered < this.spillBytes) return;
    const pieces: { partition: number; rows: string }[] = [];
    for (let p = 0; p < PARTITIONS; p++) {
      if (this.used[p]! === 0) continue;
      pieces.push({ partition: p, rows: decodeUtf8(this.parts[p]!, 0, this.used[p]!) });
      this.used[p] = 0;
    }
    this.buffered = 0;
    this.spilled = true;
    await this.spill.write(pieces);
  }

  sortedHashes(): Uint32Array {
    return this.hashes.slice(0, this.count).sort();
  }

  async *buckets(buckets: number): AsyncGenerator<BuiltBucket, void, void> {
    const held = (p: number): string[] => (this.used[p]! > 0 ? [decodeUtf8(this.parts[p]!, 0, this.used[p]!)] : []);
    if (!this.spilled) {
      // Every row is still in memory: any bucket count, buckets in order.
      yield* buildBuckets(Array.from({ length: PARTITIONS }, (_, p) => held(p)).flat(), buckets, 0, 1);
      return;
    }
    if (buckets % PARTITIONS !== 0) throw new Error(`staged rows need a bucket count that is a multiple of ${PARTITIONS}, not ${buckets}`);
    for (let p = 0; p < PARTITIONS; p++) {
      yield* buildBuckets([...(await this.spill.take(p)), ...held(p)], buckets, p, PARTITIONS);
    }
  }

  clear(): void {
    this.count = 0;
    this.hashes = new Uint32Array(0);
    for (let p = 0; p < PARTITIONS; p++) {
      this.parts[p] = new Uint8Array(0);
      this.used[p] = 0;
    }
    this.buffered = 0;
  }
}

const NEWLINE = 0x0a;

/** Buckets first, first + step, … below `buckets`, from `pieces` (all of their rows, in document order). */
function* buildBuckets(pieces: string[], buckets: number, first: number, step: number): Generator<BuiltBucket, void, void> {
  const slots = Math.ceil((buckets - first) / step);
  const grouped: string[][] = Array.from({ length: slots }, () => []);
  for (const piece of pieces) {
    for (let at = 0; at < piece.length; ) {
      const end = piece.indexOf('\n', at);
      const row = piece.slice(at, end);
      grouped[((hashKey(rowKey(row)) % buckets) - first) / step]!.push(row);
      at = end + 1;
    }
  }
  for (let s = 0; s < slots; s++) {
    const bucket = first + s * step;
    yield grouped[s]!.length === 0 ? { bucket, text: undefined, digest: EMPTY_DIGEST, entries: 0 } : builtBucket(bucket, grouped[s]!);
  }
}

/** A row's key: its first element, a JSON string with nothing to unescape (E.164 text). */
function rowKey(row: string): string {
  return row.slice(2, row.indexOf('"', 2));
}
