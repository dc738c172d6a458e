// How a store keeps a feed copy in a few thousand rows instead of one row per entry: entries are spread
// over hash buckets (about ENTRIES_PER_BUCKET each), and a bucket is one compact JSON string. Writing a
// million rows to IndexedDB takes minutes; a million entries in ~16,000 buckets takes seconds.
import type { FeedEntry } from '../feed/types.ts';

export const ENTRIES_PER_BUCKET = 64;

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
  const rows: Row[] = [];
  for (const entry of entries) {
    const row: Row = [entry.key, (entry.kind === 'block' ? 1 : 0) | (entry.verdict === 'trusted' ? 2 : 0)];
    let last = 1;
    FIELDS.forEach((field, i) => {
      const value = entry[field];
      row.push(value ?? null);
      if (value !== undefined) last = i + 2;
    });
    row.length = last + 1;
    rows.push(row);
  }
  return JSON.stringify(rows);
}

/** Entries of a bucket whose key is `key` (a bucket holds other keys that share its hash slot). */
export function decodeBucket(text: string): FeedEntry[] {
  const rows = JSON.parse(text) as Row[];
  return rows.map(decodeRow);
}

function decodeRow(row: Row): FeedEntry {
  const flags = row[1];
  const entry: FeedEntry = { key: row[0], kind: flags & 1 ? 'block' : 'number', verdict: flags & 2 ? 'trusted' : 'scam' };
  FIELDS.forEach((field, i) => {
    const value = row[i + 2];
    if (value !== null && value !== undefined) (entry as unknown as Record<string, unknown>)[field] = value;
  });
  return entry;
}
