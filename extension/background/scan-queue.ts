// Scans in the worker a few at a time, in the order they were asked for: the banners a conversation shows
// first (on screen) are judged first instead of a hundred scans sharing the worker and finishing together.
// Work that no banner waits for (parsing a header block) waits until no scan is queued.
import type { MailMessage } from '../../shared/types.ts';
import type { ScanResponse } from '../lib/messages.ts';
import { Limit } from '../lib/limit.ts';
import { scanMessage } from './scan-message.ts';

/** Scans running at once: enough to overlap one scan's storage calls with another's work. */
export const SCANS_AT_ONCE = 3;

const scans = new Limit(SCANS_AT_ONCE);
const never = new AbortController().signal;
let queued = 0;
let whenIdle: (() => void)[] = [];

export async function queuedScan(message: MailMessage, scan = scanMessage): Promise<ScanResponse> {
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

/** Resolves once no scan is queued or running. */
export function scansIdle(): Promise<void> {
  return queued === 0 ? Promise.resolve() : new Promise((resolve) => whenIdle.push(resolve));
}
