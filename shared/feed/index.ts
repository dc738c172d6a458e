/**
 * Reputation feeds: parse any supported format, look numbers up, describe what is known.
 *
 * API (stable; the feed-sync stores build on it):
 *   parseFeed(input: string | Uint8Array, options?: ParseFeedOptions): FeedParseResult
 *       options: { format?: 'ringfence'|'text'|'csv'|'misp'|'auto', verdict?: 'scam'|'trusted', name?,
 *                  defaultRegion? = 'US', maxBytes? = 160 MB }
 *       Bad entries → result.errors ({where: 'line 3' | 'entry 2' | 'Object 0 Attribute 1', message});
 *       an unreadable feed (over the cap, bad JSON, unknown shape, mostly junk, over maxEntries) THROWS
 *       FeedParseError {failure, message}. Options also: maxRejected? = 1,000, maxEntries? = 2,000,000.
 *   parseFeedAsync(input, options?, pace?): same result, giving the event loop back every ~8 ms (sync uses it)
 *   unusableCopyReason(feed, errors): why a copy must not replace the last good one (no entries and no
 *       "empty": true / "# empty"), or undefined
 *   validateFeed(input, options?): FeedValidation   { ok, format, name, counts, errors, fatal? }  never throws
 *   new FeedIndex(feeds: ParsedFeed[], { ttlDays? = 30 })  implements ReputationLookup
 *       .add(feed) .matches(e164, now): FeedMatch[] .lookupMap(e164s, now): Map<e164, FeedMatch[]>
 *       .lookup(e164s, now): Promise<NumberReputation[]>   .size: { numbers, blocks }
 *   Pure helpers for other stores: toFeedMatch(entry, feedName, now, ttlDays), isExpired / expiryTime(entry,
 *       [now,] ttlDays), blockPrefixes(e164) (candidate block keys, longest first), blockCovers(entry, e164)
 *   describeMatch(match: FeedMatch, now: Date): string — the facts only, to follow the caller's own sentence:
 *       "Reported 117 times, seen impersonating PayPal and Norton, last seen 2 days ago."; trusted → label;
 *       "" when the entry carries no facts.
 *   normalizeNumber(raw, region = 'US'): string | undefined   normalizeBlock(prefix, digits?)
 *   toNativeFeed(feed, published), serializeNativeFeed(native), mergeFeedEntries(feeds)  (for `feed build`)
 * Expiry: `expires` if given, else lastSeen + TTL (feed's ttlDays, else the index's); trusted entries only
 * by `expires`. Expired matches are still returned, with `expired: true`.
 */
export type { FeedEntry, FeedError, FeedFormat, FeedParseResult, FeedStatus, FeedStore, ParsedFeed, EntryVerdict } from './types.ts';
export type { ParseFeedOptions } from './parse-options.ts';
export { parseFeed, parseFeedAsync } from './parse-feed.ts';
export { unusableCopyReason } from './usable-copy.ts';
export { FeedParseError, type FeedFailure } from './feed-parse-error.ts';
export { DEFAULT_MAX_BYTES } from './decode-input.ts';
export { validateFeed, countEntries, type FeedValidation, type FeedCounts } from './validate-feed.ts';
export { FeedIndex, type FeedIndexOptions } from './feed-index.ts';
export { toFeedMatch } from './to-feed-match.ts';
export { isExpired, expiryTime, DEFAULT_TTL_DAYS } from './expiry.ts';
export { blockPrefixes, blockCovers } from './block-prefixes.ts';
export { describeMatch, joinNames, timeAgo } from './describe-match.ts';
export { normalizeNumber } from './normalize-number.ts';
export { normalizeBlock } from './normalize-block.ts';
export { NATIVE_FORMAT } from './parse-native.ts';
export { toNativeFeed, serializeNativeFeed, mergeFeedEntries, type NativeFeed, type NativeEntry } from './native-feed.ts';
