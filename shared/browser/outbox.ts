// The report outbox: reports wait in IndexedDB until the endpoint answers 2xx, are retried with back-off,
// and each id is sent once (delivered ids are remembered, so a report queued twice is delivered once).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ReportPayload } from '../report/report-payload.ts';

export interface OutboxEntry {
  id: string;
  payload: ReportPayload;
  createdAt: number;
  attempts: number;
  /** Epoch ms before which no new attempt is made. */
  nextAttempt: number;
  lastAttempt?: number;
  lastError?: string;
}

export interface FlushResult {
  delivered: string[];
  failed: { id: string; error: string }[];
  /** Reports still waiting after this flush. */
  pending: number;
  /** Earliest epoch ms at which a waiting report is due, if any. */
  nextAttempt?: number;
}

export interface Outbox {
  /** Queues a report; a no-op when the same id is already queued or was delivered. */
  enqueue(report: ReportPayload): Promise<void>;
  /** Sends every due report to `endpoint`; never throws for network or HTTP errors. */
  flush(endpoint: string, fetchFn?: typeof fetch): Promise<FlushResult>;
  pending(): Promise<OutboxEntry[]>;
  wasDelivered(id: string): Promise<boolean>;
  close(): void;
}

export interface OutboxOptions {
  name?: string;
  now?: () => number;
  /** Delay before attempt n+1 after n failures. */
  backoff?: (failures: number) => number;
  /** Per-request time limit. */
  timeoutMs?: number;
}

interface OutboxSchema extends DBSchema {
  queue: { key: string; value: OutboxEntry };
  delivered: { key: string; value: { id: string; at: number } };
}

const DAY = 86_400_000;
/** Delivered ids are remembered this long, so a late duplicate enqueue is still dropped. */
const DELIVERED_MEMORY_MS = 90 * DAY;

export function defaultBackoff(failures: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, failures - 1), 30 * 60_000);
}

export async function openOutbox(options: OutboxOptions = {}): Promise<Outbox> {
  const now = options.now ?? Date.now;
  const backoff = options.backoff ?? defaultBackoff;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const db = await openDB<OutboxSchema>(options.name ?? 'ringfence-outbox', 1, {
    upgrade(database) {
      database.createObjectStore('queue', { keyPath: 'id' });
      database.createObjectStore('delivered', { keyPath: 'id' });
    },
  }).catch((error: unknown) => {
    throw new Error(`outbox: cannot open IndexedDB: ${(error as Error).message ?? error}`);
  });
  const lockName = `ringfence-outbox-flush:${options.name ?? 'ringfence-outbox'}`;

  return {
    async enqueue(report) {
      const tx = db.transaction(['queue', 'delivered'], 'readwrite');
      const [queued, delivered] = await Promise.all([tx.objectStore('queue').get(report.id), tx.objectStore('delivered').get(report.id)]);
      if (!queued && !delivered) {
        await tx.objectStore('queue').put({ id: report.id, payload: report, createdAt: now(), attempts: 0, nextAttempt: 0 });
      }
      await tx.done;
    },
    flush: (endpoint, fetchFn = globalThis.fetch.bind(globalThis)) =>
      exclusive(lockName, () => flushDue(db, endpoint, fetchFn, { now, backoff, timeoutMs })),
    async pending() {
      return db.getAll('queue');
    },
    async wasDelivered(id) {
      return (await db.get('delivered', id)) !== undefined;
    },
    close() {
      db.close();
    },
  };
}

async function flushDue(
  db: IDBPDatabase<OutboxSchema>,
  endpoint: string,
  fetchFn: typeof fetch,
  options: { now: () => number; backoff: (n: number) => number; timeoutMs: number },
): Promise<FlushResult> {
  const result: FlushResult = { delivered: [], failed: [], pending: 0 };
  for (const entry of await db.getAll('queue')) {
    if (entry.nextAttempt > options.now()) continue;
    // Re-read: another flush (another worker instance) may have delivered it meanwhile.
    if ((await db.get('delivered', entry.id)) !== undefined) {
      await db.delete('queue', entry.id);
      continue;
    }
    const error = await post(endpoint, entry.payload, fetchFn, options.timeoutMs);
    if (error === null) {
      const tx = db.transaction(['queue', 'delivered'], 'readwrite');
      await Promise.all([tx.objectStore('queue').delete(entry.id), tx.objectStore('delivered').put({ id: entry.id, at: options.now() })]);
      await tx.done;
      result.delivered.push(entry.id);
    } else {
      const attempts = entry.attempts + 1;
      const at = options.now();
      await db.put('queue', { ...entry, attempts, lastAttempt: at, lastError: error, nextAttempt: at + options.backoff(attempts) });
      result.failed.push({ id: entry.id, error });
    }
  }
  await forgetOldDeliveries(db, options.now());
  const waiting = await db.getAll('queue');
  result.pending = waiting.length;
  if (waiting.length > 0) result.nextAttempt = Math.min(...waiting.map((e) => e.nextAttempt));
  return result;
}

/** Returns null on a 2xx answer, else a short description of what went wrong. */
async function post(endpoint: string, payload: ReportPayload, fetchFn: typeof fetch, timeoutMs: number): Promise<string | null> {
  try {
    const response = await fetchFn(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': payload.id },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
      credentials: 'omit',
    });
    await response.body?.cancel().catch(() => {});
    return response.ok ? null : `HTTP ${response.status}`;
  } catch (error) {
    return (error as Error).message || String(error);
  }
}

async function forgetOldDeliveries(db: IDBPDatabase<OutboxSchema>, now: number): Promise<void> {
  const tx = db.transaction('delivered', 'readwrite');
  let cursor = await tx.store.openCursor();
  while (cursor) {
    if (cursor.value.at < now - DELIVERED_MEMORY_MS) await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}

/** Runs `task` under a Web Lock where available (shared by the worker and extension pages), else in order. */
let chain: Promise<unknown> = Promise.resolve();
function exclusive<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(name, task) as Promise<T>;
  const run = chain.then(task, task);
  chain = run.catch(() => {});
  return run;
}
