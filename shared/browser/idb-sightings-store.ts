// Local sightings in IndexedDB (extension and add-in): number, brands and dates only, never message
// text, never sent anywhere. The same rules as MemorySightingsStore (retention, caps) from shared/sightings.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Sighting, SightingsStore } from '../types.ts';
import { SIGHTING_RULES } from '../sightings/rules.ts';
import { pruneSighting, recordSighting } from '../sightings/record-sighting.ts';

interface StoredSighting extends Sighting {
  /** When this number was last recorded (ms), for forgetting the oldest past the cap. */
  recordedAt: number;
}

interface SightingsDB extends DBSchema {
  sightings: { key: string; value: StoredSighting; indexes: { recordedAt: number } };
}

export const SIGHTINGS_DB_NAME = 'ringfence-sightings';

export interface IdbSightingsStoreOptions {
  name?: string;
  /** Most numbers kept. Default SIGHTING_RULES.maxNumbers. */
  maxNumbers?: number;
}

export async function openIdbSightingsStore(options: IdbSightingsStoreOptions = {}): Promise<IdbSightingsStore> {
  let store: IdbSightingsStore | undefined;
  const db = await openDB<SightingsDB>(options.name ?? SIGHTINGS_DB_NAME, 1, {
    upgrade(database) {
      const sightings = database.createObjectStore('sightings', { keyPath: 'e164' });
      sightings.createIndex('recordedAt', 'recordedAt');
    },
    blocking() {
      store?.close();
    },
  });
  store = new IdbSightingsStore(db, options.maxNumbers ?? SIGHTING_RULES.maxNumbers);
  return store;
}

export class IdbSightingsStore implements SightingsStore {
  constructor(
    private readonly db: IDBPDatabase<SightingsDB>,
    private readonly maxNumbers: number,
  ) {}

  /** Returns what was known before this message, then records it, in one transaction. */
  async recordAndGet(e164s: readonly string[], brands: readonly string[], when: Date): Promise<Sighting[]> {
    const numbers = [...new Set(e164s)];
    if (numbers.length === 0) return [];
    const tx = this.db.transaction('sightings', 'readwrite');
    const stored = await Promise.all(numbers.map((e164) => tx.store.get(e164)));
    const known: Sighting[] = [];
    const writes: Promise<unknown>[] = [];
    numbers.forEach((e164, i) => {
      const previous = stored[i] && pruneSighting(withoutBookkeeping(stored[i]), when);
      if (previous) known.push(previous);
      writes.push(tx.store.put({ ...recordSighting(previous, e164, brands, when), recordedAt: when.getTime() }));
    });
    await Promise.all(writes);
    const excess = (await tx.store.count()) - this.maxNumbers;
    if (excess > 0) {
      let cursor = await tx.store.index('recordedAt').openCursor();
      for (let i = 0; i < excess && cursor; i++) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
    }
    await tx.done;
    return known;
  }

  async get(e164: string): Promise<Sighting | undefined> {
    const stored = await this.db.get('sightings', e164);
    return stored && withoutBookkeeping(stored);
  }

  /** Forgets every sighting (the options page's "clear local history"). */
  async clear(): Promise<void> {
    await this.db.clear('sightings');
  }

  close(): void {
    this.db.close();
  }
}

function withoutBookkeeping(stored: StoredSighting): Sighting {
  const { recordedAt: _recordedAt, ...sighting } = stored;
  return sighting;
}
