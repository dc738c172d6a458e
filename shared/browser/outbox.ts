// The report outbox: reports wait in IndexedDB until the endpoint answers 2xx, are retried with back-off
// (jittered, at most 5 minutes apart, at once when the device comes back online). Delivery is at least once:
// each report carries its id as Idempotency-Key (a browser killed between the POST and its bookkeeping sends
// it again, and the server keeps one), and delivered ids are remembered in a store of their own, so a report
// queued twice is sent once. Reports are kept under a monotonic key and sent in click order: while the
// endpoint is down the queue waits behind its first report, and once any report gets through the rest follow
// at once. The report just clicked can be sent ahead of the queue. The outbox is bounded: the oldest delivery
// records are forgotten first, and when it is full of reports not yet sent, a new report is refused with
// OutboxFullError rather than another being dropped.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ReportPayload } from '../report/report-payload.ts';
import { jitteredBackoffMs } from '../feed-sync/backoff.ts';
import { OutboxFullError } from './outbox-full.ts';

export { isOutboxFull, OutboxFullError } from './outbox-full.ts';

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

export interface FlushOptions {
  /** Attempt every waiting report now, whatever its back-off (the device came back online, or "Send now"). */
  retryNow?: boolean;
}

export interface Outbox {
  /** Queues a report; a no-op when the same id is already queued or was delivered. Throws OutboxFullError. */
  enqueue(report: ReportPayload): Promise<void>;
  /**
   * Sends waiting reports to `endpoint` in click order, stopping at the first the endpoint does not take (the
   * rest wait behind it); never throws for network or HTTP errors.
   */
  flush(endpoint: string, fetchFn?: typeof fetch, options?: FlushOptions): Promise<FlushResult>;
  /**
   * Sends one queued report now, ahead of the queue and whatever its back-off: true once it is delivered
   * (now or before). False when the attempt failed or another sender holds it at this moment.
   */
  sendNow(id: string, endpoint: string, fetchFn?: typeof fetch): Promise<boolean>;
  /** Reports waiting, in click order. */
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
  /** Reports not yet delivered that the outbox holds at most. */
  maxPending?: number;
  /** Delivered ids remembered at most (the oldest are forgotten first). */
  maxDelivered?: number;
}

interface QueuedEntry extends OutboxEntry {
  /** Monotonic key: click order. */
  seq?: number;
  /** Epoch ms until which one sender holds the entry (set while a request is in flight). */
  leaseUntil?: number;
  /** The endpoint refused this report itself (400, 413, 422): it does not hold up the reports behind it. */
  refused?: boolean;
}

interface OutboxSchema extends DBSchema {
  reports: { key: number; value: QueuedEntry; indexes: { byId: string } };
  delivered: { key: string; value: { id: string; at: number }; indexes: { byAt: number } };
}

const DAY = 86_400_000;
/** Delivered ids are remembered this long, so a late duplicate enqueue is still dropped. */
const DELIVERED_MEMORY_MS = 90 * DAY;
export const MAX_PENDING_REPORTS = 200;
export const MAX_DELIVERED_IDS = 2_000;
const FIRST_RETRY_MS = 5_000;
export const MAX_RETRY_MS = 5 * 60_000;

/** 5 s after the first failure, doubling, at most 5 minutes, with jitter so clients do not retry in step. */
export function defaultBackoff(failures: number): number {
  return jitteredBackoffMs(failures, FIRST_RETRY_MS, MAX_RETRY_MS);
}

export async function openOutbox(options: OutboxOptions = {}): Promise<Outbox> {
  const now = options.now ?? Date.now;
  const backoff = options.backoff ?? defaultBackoff;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxPending = options.maxPending ?? MAX_PENDING_REPORTS;
  const maxDelivered = options.maxDelivered ?? MAX_DELIVERED_IDS;
  const db = await openOutboxDb(options.name ?? 'ringfence-outbox');
  const lockName = `ringfence-outbox-flush:${options.name ?? 'ringfence-outbox'}`;
  const settings = { now, backoff, timeoutMs };

  return {
    async enqueue(report) {
      const tx = db.transaction(['reports', 'delivered'], 'readwrite');
      const reports = tx.objectStore('reports');
      const [queued, delivered, count] = await Promise.all([reports.index('byId').getKey(report.id), tx.objectStore('delivered').get(report.id), reports.count()]);
      if (queued === undefined && delivered === undefined) {
        if (count >= maxPending) {
          tx.abort();
          await tx.done.catch(() => {});
          throw new OutboxFullError(maxPending);
        }
        await reports.add({ id: report.id, payload: report, createdAt: now(), attempts: 0, nextAttempt: 0 });
      }
      await tx.done;
    },
    flush: (endpoint, fetchFn = globalThis.fetch.bind(globalThis), flushOptions = {}) =>
      exclusive(lockName, () => flushDue(db, endpoint, fetchFn, settings, flushOptions.retryNow ?? false, maxDelivered)),
    async sendNow(id, endpoint, fetchFn = globalThis.fetch.bind(globalThis)) {
      if ((await db.get('delivered', id)) !== undefined) return true;
      const seq = await db.getKeyFromIndex('reports', 'byId', id);
      if (seq === undefined) return false;
      const outcome = await attempt(db, seq, endpoint, fetchFn, settings);
      return outcome === 'already' || (typeof outcome === 'object' && outcome.error === undefined);
    },
    async pending() {
      return (await db.getAll('reports')).map(publicEntry);
    },
    async wasDelivered(id) {
      return (await db.get('delivered', id)) !== undefined;
    },
    close() {
      db.close();
    },
  };
}

/** Version 2 keys reports by a monotonic sequence (version 1 keyed them by id, in no useful order). */
async function openOutboxDb(name: string): Promise<IDBPDatabase<OutboxSchema>> {
  return openDB<OutboxSchema>(name, 2, {
    async upgrade(database, oldVersion, _newVersion, tx) {
      const reports = database.createObjectStore('reports', { keyPath: 'seq', autoIncrement: true });
      reports.createIndex('byId', 'id', { unique: true });
      if (oldVersion < 1) {
        database.createObjectStore('delivered', { keyPath: 'id' }).createIndex('byAt', 'at');
        return;
      }
      tx.objectStore('delivered').createIndex('byAt', 'at');
      // Version 1's queue, moved over in the order the reports were made.
      const legacy = tx.objectStore('queue' as never) as unknown as { getAll(): Promise<OutboxEntry[]> };
      const old = (await legacy.getAll()).sort((a, b) => a.createdAt - b.createdAt);
      for (const entry of old) await tx.objectStore('reports').add(entry);
      database.deleteObjectStore('queue' as never);
    },
  }).catch((error: unknown) => {
    throw new Error(`outbox: cannot open IndexedDB: ${(error as Error).message ?? error}`);
  });
}

interface Settings {
  now: () => number;
  backoff: (n: number) => number;
  timeoutMs: number;
}

async function flushDue(
  db: IDBPDatabase<OutboxSchema>,
  endpoint: string,
  fetchFn: typeof fetch,
  settings: Settings,
  retryNow: boolean,
  maxDelivered: number,
): Promise<FlushResult> {
  const result: FlushResult = { delivered: [], failed: [], pending: 0 };
  // The endpoint is taking reports again when one got through since the queue's first report last failed.
  let endpointUp = retryNow;
  const lastDelivery = await latestDelivery(db);
  // Keys ascend in click order.
  for (const seq of await db.getAllKeys('reports')) {
    if (!endpointUp) {
      const entry = await db.get('reports', seq);
      if (entry && !entry.refused && lastDelivery > (entry.lastAttempt ?? Number.POSITIVE_INFINITY)) endpointUp = true;
    }
    const outcome = await attempt(db, seq, endpoint, fetchFn, settings, endpointUp ? undefined : settings.now());
    if (outcome === 'already' || outcome === 'skipped') continue;
    // Not due yet: a report the endpoint refused waits alone; one that found the endpoint down holds the queue.
    if (outcome === 'waiting') break;
    if (outcome.error === undefined) {
      result.delivered.push(outcome.id);
      endpointUp = true;
      continue;
    }
    result.failed.push({ id: outcome.id, error: outcome.error });
    if (!outcome.refused) break;
  }
  await forgetOldDeliveries(db, settings.now(), maxDelivered);
  const waiting = await db.getAll('reports');
  result.pending = waiting.length;
  const next = queueDue(waiting);
  if (next !== undefined) result.nextAttempt = next;
  return result;
}

/** When the queue has something to send: its reports up to the first one that waits for the endpoint. */
function queueDue(waiting: readonly QueuedEntry[]): number | undefined {
  let due: number | undefined;
  for (const entry of waiting) {
    due = Math.min(due ?? Number.POSITIVE_INFINITY, entry.nextAttempt);
    if (!entry.refused) break;
  }
  return due;
}

/** Epoch ms of the latest delivery remembered (0 when none): read from the end of the byAt index. */
async function latestDelivery(db: IDBPDatabase<OutboxSchema>): Promise<number> {
  const cursor = await db.transaction('delivered').store.index('byAt').openCursor(null, 'prev');
  return cursor?.value.at ?? 0;
}

/**
 * 'already': another sender delivered it; 'skipped': gone, or held by another sender; 'waiting': its back-off
 * has not run out (with `refused` when the endpoint refused the report itself).
 */
type Attempt = 'already' | 'skipped' | 'waiting' | { id: string; error?: string; refused?: boolean };

/**
 * One attempt at one report: claim it (so no other sender posts it meanwhile), post it, record the outcome.
 * With `dueBy`, a report whose back-off has not run out is left waiting ('waiting', or 'skipped' when the
 * endpoint refused that report itself: it holds up no other).
 */
async function attempt(
  db: IDBPDatabase<OutboxSchema>,
  seq: number,
  endpoint: string,
  fetchFn: typeof fetch,
  settings: Settings,
  dueBy?: number,
): Promise<Attempt> {
  const entry = await claim(db, seq, settings, dueBy);
  if (entry === 'already' || entry === 'waiting') return entry;
  if (entry === 'waiting-refused' || entry === null) return 'skipped';
  const failure = await post(endpoint, entry.payload, fetchFn, settings.timeoutMs);
  const tx = db.transaction(['reports', 'delivered'], 'readwrite');
  if (failure === null) {
    await Promise.all([tx.objectStore('reports').delete(seq), tx.objectStore('delivered').put({ id: entry.id, at: settings.now() })]);
    await tx.done;
    return { id: entry.id };
  }
  const attempts = entry.attempts + 1;
  const at = settings.now();
  const { leaseUntil: _released, refused: _before, ...rest } = entry;
  await tx.objectStore('reports').put({
    ...rest,
    seq,
    attempts,
    lastAttempt: at,
    lastError: failure.error,
    nextAttempt: at + settings.backoff(attempts),
    ...(failure.refused ? { refused: true } : {}),
  });
  await tx.done;
  return { id: entry.id, error: failure.error, ...(failure.refused ? { refused: true } : {}) };
}

/**
 * Takes the entry for one attempt; null when it is gone or held by another sender, 'waiting' (or
 * 'waiting-refused') when its back-off has not run out.
 */
async function claim(
  db: IDBPDatabase<OutboxSchema>,
  seq: number,
  settings: Settings,
  dueBy?: number,
): Promise<QueuedEntry | 'already' | 'waiting' | 'waiting-refused' | null> {
  const tx = db.transaction(['reports', 'delivered'], 'readwrite');
  const reports = tx.objectStore('reports');
  const entry = await reports.get(seq);
  let claimed: QueuedEntry | 'already' | 'waiting' | 'waiting-refused' | null = null;
  if (entry) {
    const now = settings.now();
    // Another flush (another worker instance, an extension page) may have delivered it meanwhile.
    if ((await tx.objectStore('delivered').get(entry.id)) !== undefined) {
      await reports.delete(seq);
      claimed = 'already';
    } else if (dueBy !== undefined && entry.nextAttempt > dueBy) {
      claimed = entry.refused ? 'waiting-refused' : 'waiting';
    } else if (!((entry.leaseUntil ?? 0) > now)) {
      claimed = { ...entry, leaseUntil: now + settings.timeoutMs + 5_000 };
      await reports.put(claimed);
    }
  }
  await tx.done;
  return claimed;
}

function publicEntry(entry: QueuedEntry): OutboxEntry {
  const { seq: _seq, leaseUntil: _lease, refused: _refused, ...rest } = entry;
  return rest;
}

/** Answers by which the endpoint refuses one report (its content), not reports as a whole. */
const REFUSED_REPORT = new Set([400, 413, 422]);

/** Null on a 2xx answer, else a short description of what went wrong and whether it was this report that was refused. */
async function post(endpoint: string, payload: ReportPayload, fetchFn: typeof fetch, timeoutMs: number): Promise<{ error: string; refused: boolean } | null> {
  try {
    const response = await fetchFn(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': payload.id },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
      credentials: 'omit',
    });
    await response.body?.cancel().catch(() => {});
    return response.ok ? null : { error: `HTTP ${response.status}`, refused: REFUSED_REPORT.has(response.status) };
  } catch (error) {
    return { error: (error as Error).message || String(error), refused: false };
  }
}

/** Forgets deliveries older than the memory period, and the oldest beyond `max`. */
async function forgetOldDeliveries(db: IDBPDatabase<OutboxSchema>, now: number, max: number): Promise<void> {
  const tx = db.transaction('delivered', 'readwrite');
  let excess = (await tx.store.count()) - max;
  let cursor = await tx.store.index('byAt').openCursor();
  while (cursor) {
    if (excess > 0 || cursor.value.at < now - DELIVERED_MEMORY_MS) {
      await cursor.delete();
      excess--;
    } else break;
    cursor = await cursor.continue();
  }
  await tx.done;
}

/** Calls `run` whenever the device comes back online (a waiting report need not sit out its back-off). */
export function onBackOnline(run: () => void): () => void {
  const target = globalThis as unknown as Partial<Pick<EventTarget, 'addEventListener' | 'removeEventListener'>>;
  if (typeof target.addEventListener !== 'function') return () => {};
  target.addEventListener('online', run);
  return () => target.removeEventListener?.('online', run);
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
