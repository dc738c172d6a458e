// Scans in the worker a few at a time, in the order they were asked for: the banners a conversation shows
// first (on screen) are judged first instead of a hundred scans sharing the worker and finishing together.
// A header block is parsed at once while the worker keeps up (a first scan may wait for those headers), and
// after the queued scans when they are backed up (the banners they hold come first).
// A message scanned before its headers came has its body kept: when they come it is judged again on that
// reading (a header update), so each message's body is read (scanned) once.
import type { MailMessage } from '../../shared/types.ts';
import type { ScanResponse } from '../lib/messages.ts';
import { Limit } from '../lib/limit.ts';
import { judgeWithHeaders, scanMessage, type KeptBody, type ScanOptions } from './scan-message.ts';
import { KeptBodies } from './kept-bodies.ts';

/** Scans running at once: enough to overlap one scan's storage calls with another's work. */
export const SCANS_AT_ONCE = 3;
/** Message keys whose scans are counted (the oldest are forgotten first). */
const COUNTED_KEYS = 1_000;

type Scan = (message: MailMessage, options?: ScanOptions) => Promise<ScanResponse>;
type JudgeWithHeaders = (message: MailMessage, kept: KeptBody) => Promise<ScanResponse | null>;

const scans = new Limit(SCANS_AT_ONCE);
const never = new AbortController().signal;
const counts = new Map<string, number>();
const headerUpdates = new Map<string, number>();
const bodies = new KeptBodies();
let queued = 0;
let whenIdle: (() => void)[] = [];

/**
 * Scans `message`; `key` is the page's id of the message, counted (scansPerMessage). `keepBody`: its headers
 * are still coming, so the body read is kept for queuedHeaderUpdate.
 */
export async function queuedScan(message: MailMessage, scan: Scan = scanMessage, key?: string, keepBody = false): Promise<ScanResponse> {
  if (key) countScan(counts, key);
  const options: ScanOptions = key && keepBody ? { keepBody: (kept) => bodies.keep(key, kept) } : {};
  return inLine(() => scan(message, options));
}

/**
 * Judges again a message whose headers came after its scan (`message` now carries them): on the body kept
 * by that scan when it still fits, counted as a header update and not as a scan; else scanned in full.
 */
export async function queuedHeaderUpdate(message: MailMessage, key: string, judge: JudgeWithHeaders = judgeWithHeaders, scan: Scan = scanMessage): Promise<ScanResponse> {
  const kept = bodies.take(key);
  return inLine(async () => {
    const updated = kept ? await judge(message, kept) : null;
    if (updated) {
      countScan(headerUpdates, key);
      return updated;
    }
    countScan(counts, key);
    return scan(message);
  });
}

/** The message left the page before its headers came: its body is of no more use. */
export function dropKeptBody(key: string): void {
  bodies.drop(key);
}

/** Bodies kept for header updates still to come. */
export function keptBodies(): number {
  return bodies.size;
}

async function inLine(work: () => Promise<ScanResponse>): Promise<ScanResponse> {
  queued++;
  try {
    return await scans.run(never, work, undefined as never);
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

/** Full scans (bodies read) per message key, for the recent messages (the browser tests read it through the worker's hook). */
export function scansPerMessage(): Record<string, number> {
  return Object.fromEntries(counts);
}

/** Header updates (verdicts again on a kept body, nothing read again) per message key, for the recent messages. */
export function headerUpdatesPerMessage(): Record<string, number> {
  return Object.fromEntries(headerUpdates);
}

function countScan(map: Map<string, number>, key: string): void {
  const n = (map.get(key) ?? 0) + 1;
  map.delete(key);
  map.set(key, n);
  if (map.size > COUNTED_KEYS) map.delete(map.keys().next().value!);
}
