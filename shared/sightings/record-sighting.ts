import type { Sighting } from '../types.ts';
import { SIGHTING_RULES } from './rules.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A number's sighting after one more message (number, brands, date: never any message text). */
export function recordSighting(previous: Sighting | undefined, e164: string, brands: readonly string[], when: Date): Sighting {
  const seen = [...(previous?.seen ?? []), when.toISOString()].sort().slice(-SIGHTING_RULES.maxDatesPerNumber);
  return {
    e164,
    brands: unionBrands(previous?.brands ?? [], brands),
    seen,
    messages: (previous?.messages ?? 0) + 1,
  };
}

/** Drops dates older than the retention period; undefined when nothing recent is left. */
export function pruneSighting(sighting: Sighting, now: Date): Sighting | undefined {
  const cutoff = now.getTime() - SIGHTING_RULES.retentionDays * DAY_MS;
  const seen = sighting.seen.filter((date) => Date.parse(date) >= cutoff);
  if (seen.length === 0) return undefined;
  return { ...sighting, seen };
}

/** Latest date a sighting was seen (ms), for choosing which numbers to forget first. */
export function lastSeenTime(sighting: Sighting): number {
  return Math.max(0, ...sighting.seen.map((date) => Date.parse(date) || 0));
}

export function unionBrands(a: readonly string[], b: readonly string[]): string[] {
  const byName = new Map<string, string>();
  for (const brand of [...a, ...b]) if (!byName.has(brand.toLowerCase())) byName.set(brand.toLowerCase(), brand);
  return [...byName.values()];
}
