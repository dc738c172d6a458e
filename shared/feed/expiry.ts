import type { FeedEntry } from './types.ts';

export const DEFAULT_TTL_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When an entry stops raising danger (ms since epoch), or undefined when it never does: its `expires`
 * if given, else `lastSeen` + time to live. Trusted entries only end by `expires`: decay is for threats.
 * A date without a time means the whole day ("expires 2026-03-10" still counts on the 10th).
 */
export function expiryTime(entry: Pick<FeedEntry, 'expires' | 'lastSeen' | 'verdict'>, ttlDays: number): number | undefined {
  if (entry.expires) return endOf(entry.expires);
  if (entry.verdict !== 'scam' || !entry.lastSeen) return undefined;
  const lastSeen = endOf(entry.lastSeen);
  return lastSeen === undefined ? undefined : lastSeen + ttlDays * DAY_MS;
}

export function isExpired(entry: Pick<FeedEntry, 'expires' | 'lastSeen' | 'verdict'>, now: Date, ttlDays: number): boolean {
  const end = expiryTime(entry, ttlDays);
  return end !== undefined && now.getTime() >= end;
}

function endOf(value: string): number | undefined {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? time + DAY_MS : time;
}
