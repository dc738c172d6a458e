import type { FeedError, FeedFormat, ParsedFeed } from './types.ts';
import type { ParseFeedOptions } from './parse-options.ts';
import { parseFeed } from './parse-feed.ts';
import { FeedParseError } from './feed-parse-error.ts';
import { unusableCopyReason } from './usable-copy.ts';

export interface FeedCounts {
  entries: number;
  numbers: number;
  blocks: number;
  scam: number;
  trusted: number;
}

export interface FeedValidation {
  /** True when the feed was read and no entry had an error. */
  ok: boolean;
  format?: FeedFormat;
  name?: string;
  counts: FeedCounts;
  errors: FeedError[];
  /** Why the whole feed was refused, when it was. */
  fatal?: string;
}

/** Parses a feed and summarises it for people: counts per kind and the errors by line or entry. */
export function validateFeed(input: string | Uint8Array, options: ParseFeedOptions = {}): FeedValidation {
  try {
    const { feed, errors } = parseFeed(input, options);
    // Clients would keep their last good copy instead of this one: say why.
    const unusable = unusableCopyReason(feed, errors);
    const listed = unusable && errors.length === 0 ? [{ where: 'feed', message: unusable }] : errors;
    return { ok: listed.length === 0, format: feed.format, name: feed.name, counts: countEntries(feed), errors: listed };
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    return { ok: false, counts: countEntries({ entries: [] }), errors: [], fatal: error.message };
  }
}

export function countEntries(feed: Pick<ParsedFeed, 'entries'>): FeedCounts {
  const counts: FeedCounts = { entries: feed.entries.length, numbers: 0, blocks: 0, scam: 0, trusted: 0 };
  for (const entry of feed.entries) {
    if (entry.kind === 'block') counts.blocks++;
    else counts.numbers++;
    if (entry.verdict === 'trusted') counts.trusted++;
    else counts.scam++;
  }
  return counts;
}
