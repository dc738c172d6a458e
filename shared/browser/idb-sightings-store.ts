// Local sightings in IndexedDB (extension and add-in): number, brands and dates only, never message
// text, never sent anywhere. The same rules as MemorySightingsStore (retention, caps) from shared/sightings.
// Each call is one readwrite transaction over per-number (and per-message) rows, so concurrent scans are
// serialised by IndexedDB and none of their writes is lost.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type StoreNames } from 'idb';
import type { Sighting, SightingsStore } from '../types.ts';
import { SIGHTING_RULES } from '../sightings/rules.ts';
import { pruneSighting, recordSighting } from '../sightings/record-sighting.ts';

interface StoredSighting extends Sighting {
  /** When this number was last recorded (ms), for forgetting the oldest past the cap. */
  recordedAt: number;
}

/** A message already recorded (by a hash of it), with what was known before it. */
interface RecordedMessage {
  id: string;
  at: number;
  known: Sighting[];
}

interface SightingsDB extends DBSchema {
  sightings: { key: string; value: StoredSighting; indexes: { recordedAt: number } };
  messages: { key: string; value: RecordedMessage; indexes: { at: number } };
}

interface OnceCall {
  messageId: string;
  numbers: string[];
  brands: readonly string[];
  when: Date;
  resolve(known: Sighting[]): void;
  reject(error: unknown): void;
}

/** Most calls recorded in one transaction. */
const MAX_BATCH = 50;

type SightingsRows = IDBPObjectStore<SightingsDB, ArrayLike<StoreNames<SightingsDB>>, 'sightings', 'readwrite'>;

export const SIGHTINGS_DB_NAME = 'ringfence-sightings';

export interface IdbSightingsStoreOptions {
  name?: string;
  /** Most numbers kept. Default SIGHTING_RULES.maxNumbers. */
  maxNumbers?: number;
  /** Most message ids remembered by recordOnce. Default 1000. */
  maxMessages?: number;
}

export async function openIdbSightingsStore(options: IdbSightingsStoreOptions = {}): Promise<IdbSightingsStore> {
  let store: IdbSightingsStore | undefined;
  const db = await openDB<SightingsDB>(options.name ?? SIGHTINGS_DB_NAME, 2, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const sightings = database.createObjectStore('sightings', { keyPath: 'e164' });
        sightings.createIndex('recordedAt', 'recordedAt');
      }
      if (oldVersion < 2) database.createObjectStore('messages', { keyPath: 'id' }).createIndex('at', 'at');
    },
    blocking() {
      store?.close();
    },
  });
  store = new IdbSightingsStore(db, options.maxNumbers ?? SIGHTING_RULES.maxNumbers, options.maxMessages ?? 1_000);
  return store;
}

export class IdbSightingsStore implements SightingsStore {
  private readonly waiting: OnceCall[] = [];
  private writing = false;

  constructor(
    private readonly db: IDBPDatabase<SightingsDB>,
    private readonly maxNumbers: number,
    private readonly maxMessages: number,
  ) {}

  /** Returns what was known before this message, then records it, in one transaction. */
  async recordAndGet(e164s: readonly string[], brands: readonly string[], when: Date): Promise<Sighting[]> {
    const numbers = [...new Set(e164s)];
    if (numbers.length === 0) return [];
    const tx = this.db.transaction('sightings', 'readwrite');
    const known = await this.record(tx.store, numbers, brands, when);
    await forgetOldest(tx.store.index('recordedAt'), await tx.store.count(), this.maxNumbers);
    await tx.done;
    return known;
  }

  /**
   * Like recordAndGet, once per message: a later call with the same `messageId` records nothing and gets the
   * first call's answer. Calls that arrive while a transaction is open go together into the next one, checked
   * and recorded in order: a burst of scans costs a few commits, and no two calls can both record a message.
   */
  recordOnce(messageId: string, e164s: readonly string[], brands: readonly string[], when: Date): Promise<Sighting[]> {
    const numbers = [...new Set(e164s)];
    if (numbers.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.waiting.push({ messageId, numbers, brands, when, resolve, reject });
      if (!this.writing) void this.writeWaiting();
    });
  }

  async get(e164: string): Promise<Sighting | undefined> {
    const stored = await this.db.get('sightings', e164);
    return stored && withoutBookkeeping(stored);
  }

  /** Forgets every sighting (the options page's "clear local history"). */
  async clear(): Promise<void> {
    const tx = this.db.transaction(['sightings', 'messages'], 'readwrite');
    await Promise.all([tx.objectStore('sightings').clear(), tx.objectStore('messages').clear(), tx.done]);
  }

  close(): void {
    this.db.close();
  }

  /** Reads, updates and writes the numbers' rows. */
  private async record(rows: SightingsRows, numbers: string[], brands: readonly string[], when: Date): Promise<Sighting[]> {
    const stored = await Promise.all(numbers.map((e164) => rows.get(e164)));
    const known: Sighting[] = [];
    const writes: Promise<unknown>[] = [];
    numbers.forEach((e164, i) => {
      const previous = stored[i] && pruneSighting(withoutBookkeeping(stored[i]), when);
      if (previous) known.push(previous);
      writes.push(rows.put({ ...recordSighting(previous, e164, brands, when), recordedAt: when.getTime() }));
    });
    await Promise.all(writes);
    return known;
  }

  private async writeWaiting(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        try {
          const answers = await this.recordBatch(batch);
          batch.forEach((call, i) => call.resolve(answers[i]!));
        } catch (error) {
          for (const call of batch) call.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /** One transaction for the batch; the caps are applied once, at its end. */
  private async recordBatch(batch: readonly OnceCall[]): Promise<Sighting[][]> {
    const tx = this.db.transaction(['sightings', 'messages'], 'readwrite');
    const messages = tx.objectStore('messages');
    const sightings = tx.objectStore('sightings');
    const answers: Sighting[][] = [];
    for (const call of batch) {
      const earlier = await messages.get(call.messageId);
      if (earlier) {
        answers.push(earlier.known);
        continue;
      }
      const known = await this.record(sightings, call.numbers, call.brands, call.when);
      await messages.put({ id: call.messageId, at: call.when.getTime(), known });
      answers.push(known);
    }
    await forgetOldest(sightings.index('recordedAt'), await sightings.count(), this.maxNumbers);
    await forgetOldest(messages.index('at'), await messages.count(), this.maxMessages);
    await tx.done;
    return answers;
  }
}

/** Deletes the oldest rows (by the index) past `max`, without touching the others. */
async function forgetOldest(index: { openCursor(): Promise<{ delete(): Promise<void>; continue(): Promise<unknown> } | null> }, count: number, max: number): Promise<void> {
  let cursor = count > max ? await index.openCursor() : null;
  for (let i = count - max; i > 0 && cursor; i--) {
    await cursor.delete();
    cursor = (await cursor.continue()) as typeof cursor;
  }
}

function withoutBookkeeping(stored: StoredSighting): Sighting {
  const { recordedAt: _recordedAt, ...sighting } = stored;
  return sighting;
}
