// The page's header requests ("Show original"): a few at a time, and how soon a new one can be expected back
// (from how long the recent ones took), so that a first scan waits only for headers that are due soon.
import { Limit } from '../lib/limit.ts';

/** Header requests running at once over the whole page (as many as a browser opens connections to a host). */
export const HEADER_FETCHES = 6;
/** What a header request is expected to take before any has come back. */
const FIRST_GUESS_MS = 100;
/** Weight of the latest request in the running estimate. */
const WEIGHT = 0.3;

export interface HeaderRequest<T> {
  result: Promise<T>;
  /** Resolves when the request gets its place and starts. */
  started: Promise<void>;
  /** When its result is expected, in ms from now: the turns of the requests waiting ahead of it, then its own. */
  expectedMs: number;
}

export class HeaderRequests {
  private readonly limit = new Limit(HEADER_FETCHES);
  private running = 0;
  private waiting = 0;
  private typicalMs = FIRST_GUESS_MS;

  request<T>(signal: AbortSignal, task: () => Promise<T>, fallback: T): HeaderRequest<T> {
    const turnsAhead = this.running < HEADER_FETCHES ? 0 : Math.floor(this.waiting / HEADER_FETCHES) + 1;
    const expectedMs = (turnsAhead + 1) * this.typicalMs;
    let begin!: () => void;
    const started = new Promise<void>((resolve) => (begin = resolve));
    let queued = true;
    this.waiting++;
    const result = this.limit
      .run(
        signal,
        async () => {
          this.waiting--;
          queued = false;
          this.running++;
          begin();
          const at = performance.now();
          try {
            return await task();
          } finally {
            this.running--;
            this.typicalMs += WEIGHT * (performance.now() - at - this.typicalMs);
          }
        },
        fallback,
      )
      .finally(() => {
        // Left the line without starting (its message left the page).
        if (queued) this.waiting--;
      });
    return { result, started, expectedMs };
  }
}
