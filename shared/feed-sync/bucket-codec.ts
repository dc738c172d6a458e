// How a store keeps a feed copy in tens of thousands of rows instead of one row per entry: entries are
// spread over hash buckets (about ENTRIES_PER_BUCKET each), and a bucket is one compact JSON string. Writing
// a million rows to IndexedDB takes minutes; a million entries in ~62,500 buckets takes seconds. Buckets are
// small so that a changed copy rewrites few of them: with 16 entries a bucket, 1% of entries changed at
// random touches ~15% of the buckets (with 64 it would be ~47%).
import type { FeedEntry } from '../feed/types.ts';

export const ENTRIES_PER_BUCKET = 16;

/** FNV-1a over UTF-16 code units: stable across engines and releases (it is part of the stored layout). */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function bucketCount(entries: number): number {
  return Math.max(1, Math.ceil(entries / ENTRIES_PER_BUCKET));
}

export function bucketOf(key: string, buckets: number): number {
  return hashKey(key) % buckets;
}

/** Groups entries into `buckets` lists by their key's hash. */
export function spreadIntoBuckets(entries: readonly FeedEntry[], buckets: number): FeedEntry[][] {
  const out: FeedEntry[][] = Array.from({ length: buckets }, () => []);
  for (const entry of entries) out[bucketOf(entry.key, buckets)]!.push(entry);
  return out;
}

// Positional fields after the key and flags; the order is part of the stored layout.
const FIELDS = ['digits', 'firstSeen', 'lastSeen', 'expires', 'reports', 'brands', 'label', 'lineType', 'carrier', 'source'] as const;
type Row = [string, number, ...unknown[]];

export function encodeBucket(entries: readonly FeedEntry[]): string {
  return `[${entries.map(encodeRow).join(',')}]`;
}

/** One entry as a bucket row's JSON text; a bucket is `[` + its rows joined by `,` + `]`. */
export function encodeRow(entry: FeedEntry): string {
  const row: Row = [entry.key, (entry.kind === 'block' ? 1 : 0) | (entry.verdict === 'trusted' ? 2 : 0)];
  let last = 1;
  FIELDS.forEach((field, i) => {
    const value = entry[field];
    row.push(value ?? null);
    if (value !== undefined) last = i + 2;
  });
  row.length = last + 1;
  return JSON.stringify(row);
}

/** Decodes one row written by encodeRow. */
export function decodeRow(text: string): FeedEntry {
  return rowToEntry(JSON.parse(text) as Row);
}

/**
 * A 64-bit digest of a bucket's text as two 32-bit halves (FNV-1a and a multiply-rotate hash): two copies'
 * buckets with equal digests are taken as equal, so an unchanged bucket is not written again.
 */
export function bucketDigest(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, b >>> 0];
}

/** Entries of a bucket whose key is `key` (a bucket holds other keys that share its hash slot). */
export function decodeBucket(text: string): FeedEntry[] {
  const rows = JSON.parse(text) as Row[];
  return rows.map(rowToEntry);
}

function rowToEntry(row: Row): FeedEntry {
  const flags = row[1];
  const entry: FeedEntry = { key: row[0], kind: flags & 1 ? 'block' : 'number', verdict: flags & 2 ? 'trusted' : 'scam' };
  FIELDS.forEach((field, i) => {
    const value = row[i + 2];
    if (value !== null && value !== undefined) (entry as unknown as Record<string, unknown>)[field] = value;
  });
  return entry;
}
