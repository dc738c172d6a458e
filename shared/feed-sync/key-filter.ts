// A copy's key hashes, sorted, kept in memory: a number whose hash (and whose block prefixes' hashes) are
// absent is not in the copy, so most lookups need no storage read. 4 bytes a key: 4 MB per million.
import type { FeedEntry } from '../feed/types.ts';
import { hashKey } from './bucket-codec.ts';

export interface KeyFilter {
  numbers: Uint32Array;
  blocks: Uint32Array;
}

export function buildKeyFilter(entries: readonly FeedEntry[]): KeyFilter {
  let blockCount = 0;
  for (const entry of entries) if (entry.kind === 'block') blockCount++;
  const numbers = new Uint32Array(entries.length - blockCount);
  const blocks = new Uint32Array(blockCount);
  let n = 0;
  let b = 0;
  for (const entry of entries) {
    if (entry.kind === 'block') blocks[b++] = hashKey(entry.key);
    else numbers[n++] = hashKey(entry.key);
  }
  return { numbers: numbers.sort(), blocks: blocks.sort() };
}

/** False when no key with this hash is in the sorted list (true may be a hash collision). */
export function mayContain(sorted: Uint32Array, hash: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = sorted[mid]!;
    if (value === hash) return true;
    if (value < hash) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}
