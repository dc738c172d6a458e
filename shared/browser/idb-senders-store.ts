// Familiar senders in IndexedDB (extension and add-in): sender keys, days and counts only, never message
// text, never sent anywhere. The same rules as MemorySendersStore (retention, caps) from shared/senders.
// Each call is one readwrite transaction, so concurrent scans are serialised and no write is lost.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type StoreNames } from 'idb';
import type { SenderHistory, SendersStore } from '../types.ts';
import { SENDER_RULES } from '../senders/rules.ts';
import { pruneSender, recordSender } from '../senders/record-sender.ts';

interface StoredSender extends SenderHistory {
  /** When this sender was last recorded (ms), for forgetting the oldest past the cap. */
  recordedAt: number;
}

/** A message already recorded (by a hash of it), with what was known before it. */
interface RecordedMessage {
  id: string;
  at: number;
  known: SenderHistory[];
}

interface SendersDB extends DBSchema {
  senders: { key: string; value: StoredSender; indexes: { recordedAt: number } };
  messages: { key: string; value: RecordedMessage; indexes: { at: number } };
}

type SenderRows = IDBPObjectStore<SendersDB, ArrayLike<StoreNames<SendersDB>>, 'senders', 'readwrite'>;

export const SENDERS_DB_NAME = 'ringfence-senders';

export interface IdbSendersStoreOptions {
  name?: string;
  /** Most senders kept. Default SENDER_RULES.maxSenders. */
  maxSenders?: number;
  /** Most message ids remembered by recordOnce. Default 1000. */
  maxMessages?: number;
}

export async function openIdbSendersStore(options: IdbSendersStoreOptions = {}): Promise<IdbSendersStore> {
  let store: IdbSendersStore | undefined;
  const db = await openDB<SendersDB>(options.name ?? SENDERS_DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('senders', { keyPath: 'key' }).createIndex('recordedAt', 'recordedAt');
      database.createObjectStore('messages', { keyPath: 'id' }).createIndex('at', 'at');
    },
    blocking() {
      store?.close();
    },
  });
  store = new IdbSendersStore(db, options.maxSenders ?? SENDER_RULES.maxSenders, options.maxMessages ?? 1_000);
  return store;
}

export class IdbSendersStore implements SendersStore {
  constructor(
    private readonly db: IDBPDatabase<SendersDB>,
    private readonly maxSenders: number,
    private readonly maxMessages: number,
  ) {}

  /** Returns what was known of these senders before this message, then records it, in one transaction. */
  async recordAndGet(keys: readonly string[], when: Date): Promise<SenderHistory[]> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return [];
    const tx = this.db.transaction('senders', 'readwrite');
    const known = await this.record(tx.store, unique, when);
    await tx.done;
    return known;
  }

  /**
   * Like recordAndGet, once per message: re-opening a message on another day must not make its sender
   * familiar. A later call with the same `messageId` records nothing and gets the first call's answer.
   */
  async recordOnce(messageId: string, keys: readonly string[], when: Date): Promise<SenderHistory[]> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return [];
    const tx = this.db.transaction(['senders', 'messages'], 'readwrite');
    const messages = tx.objectStore('messages');
    const earlier = await messages.get(messageId);
    if (earlier) {
      await tx.done;
      return earlier.known;
    }
    const known = await this.record(tx.objectStore('senders'), unique, when);
    await messages.put({ id: messageId, at: when.getTime(), known });
    await forgetOldest(messages.index('at'), (await messages.count()) - this.maxMessages);
    await tx.done;
    return known;
  }

  async get(key: string): Promise<SenderHistory | undefined> {
    const stored = await this.db.get('senders', key);
    return stored && withoutBookkeeping(stored);
  }

  /** Forgets every sender (the options page's "clear local history"). */
  async clear(): Promise<void> {
    const tx = this.db.transaction(['senders', 'messages'], 'readwrite');
    await Promise.all([tx.objectStore('senders').clear(), tx.objectStore('messages').clear(), tx.done]);
  }

  close(): void {
    this.db.close();
  }

  private async record(rows: SenderRows, keys: string[], when: Date): Promise<SenderHistory[]> {
    const stored = await Promise.all(keys.map((key) => rows.get(key)));
    const known: SenderHistory[] = [];
    const writes: Promise<unknown>[] = [];
    keys.forEach((key, i) => {
      const previous = stored[i] && pruneSender(withoutBookkeeping(stored[i]), when);
      if (previous) known.push(previous);
      writes.push(rows.put({ ...recordSender(previous, key, when), recordedAt: when.getTime() }));
    });
    await Promise.all(writes);
    await forgetOldest(rows.index('recordedAt'), (await rows.count()) - this.maxSenders);
    return known;
  }
}

/** Deletes the `excess` rows first in an index (the oldest). */
async function forgetOldest(index: { openCursor(): Promise<{ delete(): Promise<void>; continue(): Promise<unknown> } | null> }, excess: number): Promise<void> {
  if (excess <= 0) return;
  let cursor = await index.openCursor();
  for (let i = 0; i < excess && cursor; i++) {
    await cursor.delete();
    cursor = (await cursor.continue()) as typeof cursor;
  }
}

function withoutBookkeeping(stored: StoredSender): SenderHistory {
  const { recordedAt: _recordedAt, ...history } = stored;
  return history;
}
