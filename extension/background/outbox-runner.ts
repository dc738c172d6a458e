// Runs the report outbox from the worker: flush now, and again when the earliest waiting report is due.
// chrome.alarms survive the worker being stopped and the browser restarting; a timer covers short delays
// while the worker is alive (alarms fire no sooner than 30 s).
import browser from 'webextension-polyfill';
import { onBackOnline, openOutbox, type FlushOptions, type FlushResult, type Outbox } from '../../shared/browser/outbox.ts';
import { getPolicy } from './policy.ts';
import { withReportToken } from '../../shared/report/with-report-token.ts';

export const OUTBOX_ALARM = 'ringfence-outbox';

let outbox: Promise<Outbox> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

export function getOutbox(): Promise<Outbox> {
  outbox ??= openOutbox();
  return outbox;
}

export async function flushOutbox(options: FlushOptions = {}): Promise<FlushResult | null> {
  const { effective } = await getPolicy();
  const box = await getOutbox();
  if (!effective.reportEndpoint) return null;
  const result = await box.flush(effective.reportEndpoint, withReportToken(globalThis.fetch.bind(globalThis), effective.reportToken), options);
  if (result.failed.length > 0) console.warn('Ringfence: reports not delivered yet', result.failed);
  await schedule(result.nextAttempt);
  return result;
}

/** Sends the report just clicked ahead of the queue; true once it is delivered. */
export async function sendReportNow(id: string): Promise<boolean> {
  const { effective } = await getPolicy();
  if (!effective.reportEndpoint) return false;
  const box = await getOutbox();
  return box.sendNow(id, effective.reportEndpoint, withReportToken(globalThis.fetch.bind(globalThis), effective.reportToken));
}

/** Back online: what waits is sent at once, not when its back-off runs out. Called once, from main.ts. */
export function retryWhenOnline(): void {
  onBackOnline(() => void flushOutbox({ retryNow: true }).catch(() => {}));
}

async function schedule(nextAttempt: number | undefined): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  if (nextAttempt === undefined) {
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  const delay = Math.max(1_000, nextAttempt - Date.now());
  timer = setTimeout(() => void flushOutbox(), delay);
  await browser.alarms.create(OUTBOX_ALARM, { when: Date.now() + Math.max(delay, 30_000), periodInMinutes: 1 });
}
