// One request per key while it is in flight: later callers share it. Each caller stops waiting when its own
// signal aborts; the request itself is aborted only when no caller is left.

interface Running<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiting: number;
}

export class InFlight<T> {
  private readonly running = new Map<string, Running<T>>();

  /** The value of `start(key)`, shared with every caller asking for the same key meanwhile; `fallback` when aborted. */
  run(key: string, signal: AbortSignal, start: (signal: AbortSignal) => Promise<T>, fallback: T): Promise<T> {
    if (signal.aborted) return Promise.resolve(fallback);
    let entry = this.running.get(key);
    if (!entry) {
      const controller = new AbortController();
      const created: Running<T> = { promise: start(controller.signal), controller, waiting: 0 };
      const done = () => {
        if (this.running.get(key) === created) this.running.delete(key);
      };
      created.promise.then(done, done);
      this.running.set(key, created);
      entry = created;
    }
    const shared = entry;
    shared.waiting++;
    return new Promise<T>((resolve, reject) => {
      let left = false;
      const leave = () => {
        if (left) return false;
        left = true;
        signal.removeEventListener('abort', onAbort);
        if (--shared.waiting === 0 && this.running.get(key) === shared) {
          this.running.delete(key);
          shared.controller.abort();
        }
        return true;
      };
      const onAbort = () => {
        if (leave()) resolve(fallback);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => {
          if (leave()) resolve(value);
        },
        (error: unknown) => {
          if (leave()) reject(error);
        },
      );
    });
  }

  get size(): number {
    return this.running.size;
  }
}
