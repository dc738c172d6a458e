import type { Sighting, SightingsStore } from '../types.ts';
import { SIGHTING_RULES } from './rules.ts';
import { pruneSighting, recordSighting } from './record-sighting.ts';

/**
 * Sightings kept in memory (CLI, tests). Holds number, brands and dates only; never any message text,
 * never sent anywhere. Old dates are dropped after the retention period; past `maxNumbers` the
 * numbers recorded longest ago are forgotten.
 */
export class MemorySightingsStore implements SightingsStore {
  private readonly byNumber = new Map<string, Sighting>();

  async recordAndGet(e164s: readonly string[], brands: readonly string[], when: Date): Promise<Sighting[]> {
    const known: Sighting[] = [];
    for (const e164 of new Set(e164s)) {
      const stored = this.byNumber.get(e164);
      const previous = stored && pruneSighting(stored, when);
      if (previous) known.push(structuredClone(previous));
      this.byNumber.delete(e164);
      this.byNumber.set(e164, recordSighting(previous, e164, brands, when));
    }
    this.forgetOldest();
    return known;
  }

  get(e164: string): Sighting | undefined {
    const sighting = this.byNumber.get(e164);
    return sighting && structuredClone(sighting);
  }

  get size(): number {
    return this.byNumber.size;
  }

  private forgetOldest(): void {
    // The Map is in recording order (each record re-inserts), so the first keys were recorded longest ago.
    for (const e164 of this.byNumber.keys()) {
      if (this.byNumber.size <= SIGHTING_RULES.maxNumbers) break;
      this.byNumber.delete(e164);
    }
  }
}
