import type { FeedMatch } from '../types.ts';
import type { FeedEntry } from './types.ts';
import { isExpired } from './expiry.ts';

/** The FeedMatch a lookup answers for one stored entry, with expiry evaluated at `now`. */
export function toFeedMatch(entry: FeedEntry, feedName: string, now: Date, ttlDays: number): FeedMatch {
  const match: FeedMatch = {
    kind: entry.kind,
    key: entry.key,
    verdict: entry.verdict,
    feed: feedName,
    expired: isExpired(entry, now, ttlDays),
  };
  if (entry.digits !== undefined) match.digits = entry.digits;
  if (entry.brands) match.brands = [...entry.brands];
  for (const field of ['label', 'firstSeen', 'lastSeen', 'lineType', 'carrier', 'source'] as const) {
    const value = entry[field];
    if (value !== undefined) match[field] = value;
  }
  if (entry.reports !== undefined) match.reports = entry.reports;
  return match;
}
