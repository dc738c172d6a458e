// At most `most` tasks at once, started in the order they were asked for; a caller whose signal aborts while
// it waits leaves the line without running.

export class Limit {
  private running = 0;
  private readonly waiting: { wake: () => void; signal: AbortSignal }[] = [];

  constructor(private readonly most: number) {}

  /** `task()` once a place is free; `fallback` when the signal aborts first. */
  async run<T>(signal: AbortSignal, task: () => Promise<T>, fallback: T): Promise<T> {
    if (signal.aborted) return fallback;
    if (this.running >= this.most) {
      // A freed place is handed straight to the first in line (`running` is not lowered meanwhile).
      const handed = await new Promise<boolean>((resolve) => {
        const entry = { wake: () => resolve(true), signal };
        const leave = () => {
          const at = this.waiting.indexOf(entry);
          if (at !== -1) this.waiting.splice(at, 1);
          resolve(false);
        };
        entry.wake = () => {
          signal.removeEventListener('abort', leave);
          resolve(true);
        };
        signal.addEventListener('abort', leave, { once: true });
        this.waiting.push(entry);
      });
      if (!handed) return fallback;
    } else {
      this.running++;
    }
    try {
      if (signal.aborted) return fallback;
      return await task();
    } finally {
      this.release();
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next.wake();
    else this.running--;
  }
}
