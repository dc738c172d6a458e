// When to try a feed again: the policy's interval after a success; after failures, sooner at first, then
// doubling up to a few intervals, with jitter so 10,000 clients do not retry a recovering server in step.

const MINUTE = 60_000;
export const FIRST_RETRY_MINUTES = 2;
/** Back-off never waits longer than this many update intervals (and at least this many hours). */
const MAX_INTERVALS = 4;
const MIN_CAP_MINUTES = 6 * 60;

/** Delay in ms before the next attempt after `failures` consecutive failures (1 = the first failure). */
export function backoffDelayMs(failures: number, updateIntervalMinutes: number, random: () => number = Math.random): number {
  const cap = Math.max(updateIntervalMinutes * MAX_INTERVALS, MIN_CAP_MINUTES) * MINUTE;
  return jitteredBackoffMs(failures, FIRST_RETRY_MINUTES * MINUTE, cap, random);
}

/** `firstMs` after the first failure, doubling up to `capMs`, each delay ±20% at random. */
export function jitteredBackoffMs(failures: number, firstMs: number, capMs: number, random: () => number = Math.random): number {
  const base = Math.min(firstMs * 2 ** Math.max(0, Math.min(failures - 1, 30)), capMs);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** When the next regular update is due after a success (or a 304). */
export function nextRegularAttempt(now: Date, updateIntervalMinutes: number): Date {
  return new Date(now.getTime() + Math.max(1, updateIntervalMinutes) * MINUTE);
}

/** When to retry after the `failures`-th consecutive failure. */
export function nextRetryAttempt(now: Date, failures: number, updateIntervalMinutes: number, random?: () => number): Date {
  return new Date(now.getTime() + backoffDelayMs(failures, updateIntervalMinutes, random));
}
