// Bench bodies that run inside the Chromium page (bundled with the store, so nothing big crosses the
// DevTools protocol). The baseline is an in-memory Map filled and queried in the same page.
import type { FeedEntry, ParsedFeed } from '../../shared/feed/types.ts';
import type { FeedMatch } from '../../shared/types.ts';
import { openIdbFeedStore, type IdbFeedStore } from '../../shared/browser/idb-feed-store.ts';

const BLOCK_SHARE = 0.01;
const NOW = new Date('2026-03-08T12:00:00Z');

let feed: ParsedFeed | undefined;
let store: IdbFeedStore | undefined;
let dbNameUsed = '';

/** n entries: numbers spread over NANP area codes, 1 % DID blocks (+1AAANNN, 4 digits). Deterministic. */
export function makeFeed(n: number): ParsedFeed {
  let seed = 42;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const entries: FeedEntry[] = [];
  const blocks = Math.round(n * BLOCK_SHARE);
  const brands = ['PayPal', 'Norton', 'McAfee', 'Geek Squad', 'Microsoft'];
  for (let i = 0; i < n; i++) {
    const area = 200 + Math.floor(random() * 800);
    const exchange = 200 + Math.floor(random() * 800);
    const brand = [brands[i % brands.length]!];
    if (i < blocks) {
      entries.push({ key: `+1${area}${exchange}`, kind: 'block', digits: 4, verdict: 'scam', brands: brand, lastSeen: '2026-03-01' });
    } else {
      const line = String(Math.floor(random() * 10_000)).padStart(4, '0');
      entries.push({ key: `+1${area}${exchange}${line}`, kind: 'number', verdict: 'scam', brands: brand, firstSeen: '2026-02-20', lastSeen: '2026-03-01', reports: 1 + (i % 200) });
    }
  }
  return { format: 'ringfence', name: 'bench feed', entries };
}

/** Stores an n-entry feed; returns ms for the store and for filling a Map with the same entries. */
export async function ingest(n: number, dbName: string): Promise<{ storeMs: number; mapMs: number; entries: number }> {
  feed = makeFeed(n);
  const map = new Map<string, FeedEntry[]>();
  let t = performance.now();
  for (const entry of feed.entries) {
    const list = map.get(entry.key);
    if (list) list.push(entry);
    else map.set(entry.key, [entry]);
  }
  const mapMs = performance.now() - t;
  dbNameUsed = dbName;
  store = await openIdbFeedStore({ name: dbName });
  t = performance.now();
  await store.replaceFeed('https://bench.test/feed.json', feed, {});
  const storeMs = performance.now() - t;
  return { storeMs, mapMs, entries: feed.entries.length };
}

/**
 * `count` single-number lookups, a third each exact hits, misses and block hits; per-lookup µs.
 * `resident`: the copy held in memory (warmed first); otherwise every uncached bucket is read from IndexedDB.
 */
export async function lookups(count: number, resident: boolean): Promise<{ store: number[]; map: number[]; hits: number; mapHits: number; warmMs: number }> {
  if (!feed || !store) throw new Error('ingest first');
  store.close();
  store = await openIdbFeedStore({ name: dbNameUsed, residentEntries: resident ? feed.entries.length : 0 });
  const warmStart = performance.now();
  if (resident) await store.warm();
  const warmMs = performance.now() - warmStart;
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const numbers = feed.entries.filter((e) => e.kind === 'number');
  const blocks = feed.entries.filter((e) => e.kind === 'block');
  const probes: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    if (kind === 0) probes.push(numbers[Math.floor(random() * numbers.length)]!.key);
    else if (kind === 1) probes.push(`+44${String(Math.floor(random() * 1e10)).padStart(10, '0')}`);
    else probes.push(blocks[Math.floor(random() * blocks.length)]!.key + String(Math.floor(random() * 10_000)).padStart(4, '0'));
  }

  // Baseline: the same questions answered from a Map (exact key, then each block prefix length).
  const exact = new Map<string, FeedEntry[]>();
  const byPrefix = new Map<string, FeedEntry[]>();
  for (const entry of feed.entries) {
    const target = entry.kind === 'block' ? byPrefix : exact;
    const list = target.get(entry.key);
    if (list) list.push(entry);
    else target.set(entry.key, [entry]);
  }
  const lengths = [...new Set(blocks.map((b) => b.key.length))];
  const mapTimes: number[] = [];
  let mapHits = 0;
  for (const probe of probes) {
    const t = performance.now();
    const found: FeedEntry[] = [...(exact.get(probe) ?? [])];
    for (const length of lengths) for (const entry of byPrefix.get(probe.slice(0, length)) ?? []) if (probe.length - length === entry.digits) found.push(entry);
    mapTimes.push((performance.now() - t) * 1000);
    if (found.length > 0) mapHits++;
  }

  const storeTimes: number[] = [];
  let hits = 0;
  for (const probe of probes) {
    const t = performance.now();
    const found: Map<string, FeedMatch[]> = await store.lookup([probe], NOW, 30);
    storeTimes.push((performance.now() - t) * 1000);
    if (found.get(probe)!.length > 0) hits++;
  }
  return { store: storeTimes, map: mapTimes, hits, mapHits, warmMs };
}

export async function closeBench(): Promise<void> {
  store?.close();
  store = undefined;
  feed = undefined;
}
