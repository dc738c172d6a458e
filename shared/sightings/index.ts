/**
 * Local sightings: numbers seen in the user's own mail, remembered on the device only.
 *   MemorySightingsStore (implements SightingsStore) for the CLI and tests;
 *   sightingReasons(known, brands, now) — pure rules, reused by the IndexedDB store's callers;
 *   recordSighting / pruneSighting / lastSeenTime — pure updates any store can apply; SIGHTING_RULES.
 */
export { MemorySightingsStore } from './memory-store.ts';
export { sightingReasons, type SightingReason } from './sighting-reasons.ts';
export { recordSighting, pruneSighting, lastSeenTime, unionBrands } from './record-sighting.ts';
export { SIGHTING_RULES } from './rules.ts';
