import type { FeedMatch, NumberReputation, ReputationLookup } from '../types.ts';
import type { FeedEntry, ParsedFeed } from './types.ts';
import { DEFAULT_TTL_DAYS } from './expiry.ts';
import { toFeedMatch } from './to-feed-match.ts';
import { blockCovers, blockPrefixes } from './block-prefixes.ts';

interface Held {
  entry: FeedEntry;
  feed: string;
  ttlDays: number;
}

export interface FeedIndexOptions {
  /** Time to live for entries of feeds that carry none (policy `feedTtlDays`). Default 30. */
  ttlDays?: number;
}

/**
 * In-memory lookup over parsed feeds: exact numbers and blocks in Maps, so a lookup costs one Map probe
 * for the number and one per prefix length. Expired entries are kept and answered with `expired: true`.
 * A feed's own `ttlDays` wins over the index's.
 */
export class FeedIndex implements ReputationLookup {
  private readonly numbers = new Map<string, Held[]>();
  private readonly blocks = new Map<string, Held[]>();
  private readonly prefixLengths = new Set<number>();
  private readonly ttlDays: number;

  constructor(feeds: readonly ParsedFeed[] = [], options: FeedIndexOptions = {}) {
    this.ttlDays = options.ttlDays ?? DEFAULT_TTL_DAYS;
    for (const feed of feeds) this.add(feed);
  }

  add(feed: ParsedFeed): void {
    const ttlDays = feed.ttlDays ?? this.ttlDays;
    for (const entry of feed.entries) {
      const held: Held = { entry, feed: feed.name, ttlDays };
      const map = entry.kind === 'block' ? this.blocks : this.numbers;
      const list = map.get(entry.key);
      if (list) list.push(held);
      else map.set(entry.key, [held]);
      if (entry.kind === 'block') this.prefixLengths.add(entry.key.length);
    }
  }

  get size(): { numbers: number; blocks: number } {
    return { numbers: this.numbers.size, blocks: this.blocks.size };
  }

  /** Every match for one number: exact entries first, then blocks from the longest prefix. */
  matches(e164: string, now: Date): FeedMatch[] {
    const found: FeedMatch[] = [];
    for (const held of this.numbers.get(e164) ?? []) found.push(toFeedMatch(held.entry, held.feed, now, held.ttlDays));
    if (this.blocks.size === 0) return found;
    for (const prefix of blockPrefixes(e164)) {
      if (!this.prefixLengths.has(prefix.length)) continue;
      for (const held of this.blocks.get(prefix) ?? []) {
        if (blockCovers(held.entry, e164)) found.push(toFeedMatch(held.entry, held.feed, now, held.ttlDays));
      }
    }
    return found;
  }

  /** Same answers as `lookup`, synchronously, as a map (the FeedStore.lookup shape). */
  lookupMap(e164s: readonly string[], now: Date): Map<string, FeedMatch[]> {
    const result = new Map<string, FeedMatch[]>();
    for (const e164 of e164s) if (!result.has(e164)) result.set(e164, this.matches(e164, now));
    return result;
  }

  async lookup(e164s: readonly string[], now: Date): Promise<NumberReputation[]> {
    return [...this.lookupMap(e164s, now)].map(([e164, matches]) => ({ e164, matches }));
  }
}
