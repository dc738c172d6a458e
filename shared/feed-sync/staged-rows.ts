// The rows of a big copy written out to the store while it is read, so the reader holds a few megabytes
// instead of the whole copy (a million entries are ~80 MB of rows). Rows are kept in PARTITIONS lists by
// key hash; once SPILL_BYTES have gathered, every list is handed to the store as one piece and memory is
// reused. A partition then holds every row of the buckets p, p + PARTITIONS, … (the bucket count must be
// a multiple of PARTITIONS), so buckets are built one partition at a time from its pieces read back.
// Nothing here is live: the store keeps pieces apart from copies in use and deletes them with the copy.
import type { FeedEntry } from '../feed/types.ts';
import { encodeRow, hashKey } from './bucket-codec.ts';
import { builtBucket, EMPTY_DIGEST, type BuiltBucket, type CopyRows } from './bucket-rows.ts';
import { decodeUtf8, encodeUtf8Into } from './utf8-text.ts';

/** Where staged rows go: pieces of a partition, read back in the order they were written. */
export interface RowSpill {
  write(pieces: { partition: number; bytes: Uint8Array }[]): Promise<void>;
  read(partition: number): Promise<Uint8Array[]>;
}

export const PARTITIONS = 64;
/** Rows gathered in memory before they are written out (about 50,000 rows). */
export const SPILL_BYTES = 4 << 20;
/** A row's record: key hash (4 bytes), text length (4 bytes), text (UTF-8). */
const HEADER = 8;

export class StagedRows implements CopyRows {
  private count = 0;
  private hashes: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  private readonly parts: Uint8Array[] = Array.from({ length: PARTITIONS }, () => new Uint8Array(1024));
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
    if (this.count === this.hashes.length) {
      const grown = new Uint32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    const hash = hashKey(entry.key);
    const row = encodeRow(entry);
    const p = hash % PARTITIONS;
    let part = this.parts[p]!;
    const at = this.used[p]!;
    if (at + HEADER + row.length * 3 > part.length) {
      const grown = new Uint8Array(Math.max(part.length * 2, at + HEADER + row.length * 3));
      grown.set(part.subarray(0, at));
      part = this.parts[p] = grown;
    }
    const written = encodeUtf8Into(row, part, at + HEADER);
    writeU32(part, at, hash);
    writeU32(part, at + 4, written);
    this.used[p] = at + HEADER + written;
    this.buffered += HEADER + written;
    this.hashes[this.count++] = hash;
  }

  async settle(): Promise<void> {
    if (this.buffered < this.spillBytes) return;
    const pieces: { partition: number; bytes: Uint8Array }[] = [];
    for (let p = 0; p < PARTITIONS; p++) {
      if (this.used[p]! === 0) continue;
      pieces.push({ partition: p, bytes: this.parts[p]!.slice(0, this.used[p]!) });
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
    const held = (p: number): Uint8Array[] => (this.used[p]! > 0 ? [this.parts[p]!.subarray(0, this.used[p]!)] : []);
    if (!this.spilled) {
      // Every row is still in memory: any bucket count, buckets in order.
      yield* buildBuckets(Array.from({ length: PARTITIONS }, (_, p) => held(p)).flat(), buckets, 0, 1);
      return;
    }
    if (buckets % PARTITIONS !== 0) throw new Error(`staged rows need a bucket count that is a multiple of ${PARTITIONS}, not ${buckets}`);
    for (let p = 0; p < PARTITIONS; p++) {
      const pieces = [...(await this.spill.read(p)), ...held(p)];
      yield* buildBuckets(pieces, buckets, p, PARTITIONS);
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

/** Buckets first, first + step, … below `buckets`, from the records in `pieces` (which hold all of their rows). */
function* buildBuckets(pieces: Uint8Array[], buckets: number, first: number, step: number): Generator<BuiltBucket, void, void> {
  let n = 0;
  for (const piece of pieces) for (let at = 0; at < piece.length; at += HEADER + readU32(piece, at + 4)) n++;
  const slots = Math.ceil((buckets - first) / step);
  const slotOf = new Uint32Array(n);
  const piece = new Uint32Array(n);
  const start = new Uint32Array(n);
  const starts = new Uint32Array(slots + 1);
  let i = 0;
  pieces.forEach((bytes, k) => {
    for (let at = 0; at < bytes.length; at += HEADER + readU32(bytes, at + 4)) {
      const slot = ((readU32(bytes, at) % buckets) - first) / step;
      slotOf[i] = slot;
      piece[i] = k;
      start[i] = at;
      starts[slot + 1]!++;
      i++;
    }
  });
  for (let s = 0; s < slots; s++) starts[s + 1]! += starts[s]!;
  // Records in slot order, document order kept within a slot (rows of one key must merge in that order).
  const order = new Uint32Array(n);
  const fill = starts.slice(0, slots);
  for (let r = 0; r < n; r++) order[fill[slotOf[r]!]!++] = r;
  for (let s = 0; s < slots; s++) {
    const bucket = first + s * step;
    const from = starts[s]!;
    const to = starts[s + 1]!;
    if (from === to) {
      yield { bucket, text: undefined, digest: EMPTY_DIGEST, entries: 0 };
      continue;
    }
    const rows: string[] = [];
    for (let k = from; k < to; k++) {
      const r = order[k]!;
      const bytes = pieces[piece[r]!]!;
      const at = start[r]! + HEADER;
      rows.push(decodeUtf8(bytes, at, at + readU32(bytes, start[r]! + 4)));
    }
    yield builtBucket(bucket, rows);
  }
}

function writeU32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >>> 8) & 0xff;
  bytes[at + 2] = (value >>> 16) & 0xff;
  bytes[at + 3] = value >>> 24;
}

function readU32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}
