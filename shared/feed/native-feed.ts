import type { FeedEntry, ParsedFeed } from './types.ts';
import { FeedCollector } from './feed-collector.ts';
import { NATIVE_FORMAT } from './parse-native.ts';

/** One `ringfence-feed/1` entry as written in the file. */
export type NativeEntry = Record<string, string | number | string[]>;

export interface NativeFeed {
  format: typeof NATIVE_FORMAT;
  name: string;
  published: string;
  ttlDays?: number;
  entries: NativeEntry[];
}

/** The native document for parsed entries (from any format), ready for JSON. */
export function toNativeFeed(feed: Pick<ParsedFeed, 'name' | 'entries' | 'ttlDays'>, published: Date): NativeFeed {
  const native: NativeFeed = { format: NATIVE_FORMAT, name: feed.name, published: published.toISOString(), entries: [] };
  if (feed.ttlDays !== undefined) native.ttlDays = feed.ttlDays;
  native.entries = [...feed.entries].sort(byKindAndKey).map(toNativeEntry);
  return native;
}

function toNativeEntry(entry: FeedEntry): NativeEntry {
  const native: NativeEntry = entry.kind === 'block' ? { block: entry.key, digits: entry.digits ?? 0 } : { number: entry.key };
  native.verdict = entry.verdict;
  if (entry.brands && entry.brands.length > 0) native.brands = [...entry.brands];
  for (const field of ['label', 'firstSeen', 'lastSeen', 'expires', 'reports', 'lineType', 'carrier', 'source'] as const) {
    const value = entry[field];
    if (value !== undefined) native[field] = value;
  }
  return native;
}

function byKindAndKey(a: FeedEntry, b: FeedEntry): number {
  if (a.kind !== b.kind) return a.kind === 'number' ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** JSON text with one entry a line: small diffs when a feed is kept in git. */
export function serializeNativeFeed(feed: NativeFeed): string {
  const { entries, ...head } = feed;
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const lines = entries.map((entry) => `    ${JSON.stringify(entry)}`);
  return `${top},\n  "entries": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** Entries of several feeds as one, merging duplicates (brands united, dates widened, reports added). */
export function mergeFeedEntries(feeds: readonly Pick<ParsedFeed, 'entries'>[]): FeedEntry[] {
  const collector = new FeedCollector();
  for (const feed of feeds) for (const entry of feed.entries) collector.add(entry);
  return collector.result().entries;
}
