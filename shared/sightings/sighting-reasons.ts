import type { Level, Reason, Sighting } from '../types.ts';
import { joinNames } from '../feed/describe-match.ts';
import { SIGHTING_RULES } from './rules.ts';
import { unionBrands } from './record-sighting.ts';
import { coded } from '../verdict/reason-codes.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export type SightingReason = Reason & { level: Level };

/**
 * What the device's own memory says about the numbers in this message. `sightings` is what was known
 * before it (SightingsStore.recordAndGet); `brands` are the brands this message names.
 *   sighting-multi-brand (warning): the number came before with another brand than this message's.
 *   sighting-burst (caution): the number was in several messages within a few days.
 */
export function sightingReasons(sightings: readonly Sighting[], brands: readonly string[], now: Date): SightingReason[] {
  const reasons: SightingReason[] = [];
  for (const sighting of sightings) {
    if (sighting.messages < 1) continue;
    const multi = multiBrand(sighting, brands);
    if (multi) reasons.push(multi);
    const burst = burstOf(sighting, now);
    if (burst) reasons.push(burst);
  }
  return reasons;
}

function multiBrand(sighting: Sighting, brands: readonly string[]): SightingReason | undefined {
  if (brands.length === 0) return undefined;
  const all = unionBrands(sighting.brands, brands);
  const earlierOnly = all.filter((b) => !brands.some((c) => c.toLowerCase() === b.toLowerCase()));
  if (all.length < SIGHTING_RULES.multiBrandMinimum || earlierOnly.length === 0) return undefined;
  const messages = sighting.messages === 1 ? 'an earlier message' : `${sighting.messages} earlier messages`;
  return {
    ...coded('sighting-multi-brand', { count: sighting.messages, earlier: earlierOnly, brand: unionBrands([], brands) }),
    level: 'warning',
    message: `${sighting.e164} was in ${messages} you received, naming ${joinNames(earlierOnly)}; this one names ${joinNames(unionBrands([], brands))}. Scammers reuse one number across brands.`,
    evidence: sighting.e164,
  };
}

function burstOf(sighting: Sighting, now: Date): SightingReason | undefined {
  const windowStart = now.getTime() - SIGHTING_RULES.burstWindowDays * DAY_MS;
  const recent = sighting.seen.filter((date) => {
    const time = Date.parse(date);
    return time >= windowStart && time <= now.getTime();
  }).length;
  const total = recent + 1;
  if (total < SIGHTING_RULES.burstMessages) return undefined;
  return {
    ...coded('sighting-burst', { count: total, days: SIGHTING_RULES.burstWindowDays }),
    level: 'caution',
    message: `${sighting.e164} was in ${total} messages you received in the last ${SIGHTING_RULES.burstWindowDays} days.`,
    evidence: sighting.e164,
  };
}
