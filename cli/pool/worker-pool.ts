// A pool of worker threads running one task module: tasks go to the least busy worker; a worker that dies
// (a hostile message exhausting its heap) fails only its own tasks and is replaced.
import { Worker } from 'node:worker_threads';

/** What the main thread answers when a worker asks (reputation lookups). */
export type CallHandler = (method: string, args: unknown[]) => Promise<unknown>;

export interface PoolOptions {
  /** Absolute file URL of the task module; it exports `createHandler(init, call)`. */
  module: string;
  jobs: number;
  init: unknown;
  onCall?: CallHandler;
  /** Heap of each worker (MB); a message that exhausts it fails alone. */
  heapMb?: number;
}

interface Waiter {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
  tasks: Map<number, Waiter>;
  /** The worker loaded its task module; one that dies before that is not restarted (it would die again). */
  ready: boolean;
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private closed = false;
  private broken: Error | undefined;
  /** Waiting for a task to end (whenFree). */
  private waiting: (() => void)[] = [];

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < Math.max(1, options.jobs); i++) this.slots.push(this.start());
  }

  get size(): number {
    return this.slots.length;
  }

  /** Runs one task; `transfer` lists buffers handed over (not copied). Rejects when the task or its worker fails. */
  run<T>(payload: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.broken) return Promise.reject(this.broken);
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = ++this.nextId;
    slot.busy++;
    return new Promise<T>((resolve, reject) => {
      slot.tasks.set(id, { resolve: resolve as (r: unknown) => void, reject });
      slot.worker.postMessage({ type: 'task', id, payload }, transfer);
    });
  }

  /** Resolves once some worker has fewer than `limit` tasks (at once when one has), or the pool cannot run tasks. */
  async whenFree(limit: number): Promise<void> {
    while (!this.broken && !this.closed && !this.slots.some((slot) => slot.busy < limit)) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private taskEnded(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.taskEnded();
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private start(): Slot {
    const worker = new Worker(ENTRY, {
      workerData: { module: this.options.module, init: this.options.init },
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb ?? 1024 },
    });
    const slot: Slot = { worker, busy: 0, tasks: new Map(), ready: false };
    worker.on('message', (message: { type: string; id: number; result?: unknown; error?: string; method?: string; args?: unknown[] }) => {
      if (message.type === 'ready') slot.ready = true;
      if (message.type === 'call') {
        void this.answer(worker, message.id, message.method ?? '', message.args ?? []);
        return;
      }
      if (message.type !== 'result') return;
      const waiter = slot.tasks.get(message.id);
      if (!waiter) return;
      slot.tasks.delete(message.id);
      slot.busy--;
      if (message.error !== undefined) waiter.reject(new Error(message.error));
      else waiter.resolve(message.result);
      this.taskEnded();
    });
    const fail = (error: Error) => {
      for (const waiter of slot.tasks.values()) waiter.reject(error);
      slot.tasks.clear();
      slot.busy = 0;
      if (this.closed) return this.taskEnded();
      if (!slot.ready) {
        this.broken ??= new Error(`worker could not start: ${error.message}`);
        return this.taskEnded();
      }
      const index = this.slots.indexOf(slot);
      if (index !== -1) this.slots[index] = this.start();
      this.taskEnded();
    };
    worker.on('error', (error) => fail(new Error(`worker failed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`worker stopped (exit ${code})`));
    });
    return slot;
  }

  private async answer(worker: Worker, id: number, method: string, args: unknown[]): Promise<void> {
    try {
      if (!this.options.onCall) throw new Error(`no handler for ${method}`);
      worker.postMessage({ type: 'reply', id, result: await this.options.onCall(method, args) });
    } catch (error) {
      worker.postMessage({ type: 'reply', id, error: (error as Error).message || String(error) });
    }
  }
}
