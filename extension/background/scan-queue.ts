// Scans in the worker a few at a time, in the order they were asked for: the banners a conversation shows
// first (on screen) are judged first instead of a hundred scans sharing the worker and finishing together.
// A header block is parsed at once while the worker keeps up (a first scan may wait for those headers), and
// after the queued scans when they are backed up (the banners they hold come first).
import type { MailMessage } from '../../shared/types.ts';
import type { ScanResponse } from '../lib/messages.ts';
import { Limit } from '../lib/limit.ts';
import { scanMessage } from './scan-message.ts';

/** Scans running at once: enough to overlap one scan's storage calls with another's work. */
export const SCANS_AT_ONCE = 3;
/** Message keys whose scans are counted (the oldest are forgotten first). */
const COUNTED_KEYS = 1_000;

const scans = new Limit(SCANS_AT_ONCE);
const never = new AbortController().signal;
const counts = new Map<string, number>();
let queued = 0;
let whenIdle: (() => void)[] = [];

/** Scans `message`; `key` is the page's id of the message, counted for diagnostics (scansPerMessage). */
export async function queuedScan(message: MailMessage, scan = scanMessage, key?: string): Promise<ScanResponse> {
  if (key) countScan(key);
  queued++;
  try {
    return await scans.run(never, () => scan(message), undefined as never);
  } finally {
    if (--queued === 0) {
      const waiting = whenIdle;
      whenIdle = [];
      for (const resolve of waiting) resolve();
    }
  }
}

/** Resolves when a header block may be parsed: at once while no scan waits for a place, else once none is queued. */
export function headerTurn(): Promise<void> {
  return queued <= SCANS_AT_ONCE ? Promise.resolve() : new Promise((resolve) => whenIdle.push(resolve));
}

/** Scans asked for per message key, for the recent messages (the browser tests read it through the worker's hook). */
export function scansPerMessage(): Record<string, number> {
  return Object.fromEntries(counts);
}

function countScan(key: string): void {
  const n = (counts.get(key) ?? 0) + 1;
  counts.delete(key);
  counts.set(key, n);
  if (counts.size > COUNTED_KEYS) counts.delete(counts.keys().next().value!);
}
