// Background worker (Chromium service worker, Firefox background script). Listeners are registered
// synchronously at the top level so that an event which wakes the worker is delivered.
import browser, { type Runtime } from 'webextension-polyfill';
import type { Answer, BackgroundRequest } from '../lib/messages.ts';
import { getPolicy, invalidatePolicy, isPolicyChange } from './policy.ts';
import { warmUp } from './scan-message.ts';
import { ocrScan, withPictureHint } from './ocr-scan.ts';
import { reportMessage } from './report-message.ts';
import { flushOutbox, OUTBOX_ALARM, retryWhenOnline } from './outbox-runner.ts';
import { FEED_ALARM, scheduleFeedSync, syncFeeds } from './feeds.ts';
import { readStatus } from './status.ts';
import { parseHeaderBlock } from './parse-header-block.ts';
import { rawMessageOf } from './raw-pictures.ts';
import { dropKeptBody, headerTurn, headerUpdatesPerMessage, keptBodies, queuedHeaderUpdate, queuedScan, scansPerMessage } from './scan-queue.ts';
import { rejudgeOpenMessages } from './rejudge-tabs.ts';
import { dismissedKeys, setDismissed } from './dismissed-store.ts';

browser.runtime.onMessage.addListener((request: unknown, sender: Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  return answer(request as BackgroundRequest);
});

browser.storage.onChanged.addListener((changes, area) => {
  if (!isPolicyChange(area, changes)) return;
  invalidatePolicy();
  getPolicy().then(() => rejudgeOpenMessages()).catch(warn('policy'));
  scheduleFeedSync({ syncNow: true }).catch(warn('feeds'));
  flushOutbox().catch(warn('outbox'));
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === OUTBOX_ALARM) flushOutbox().catch(warn('outbox'));
  if (alarm.name === FEED_ALARM) syncFeeds().catch(warn('feeds'));
});

function warn(what: string): (error: unknown) => void {
  return (error) => console.warn(`Ringfence: ${what}:`, error);
}

// Read policy and run the core once now, so the first message a reader opens is judged at full speed.
const ready = warmUp().catch(warn('warm-up'));
// For diagnostics from the worker's console (and the browser tests): await ringfence.status().
(globalThis as { ringfence?: unknown }).ringfence = { ready, status: readStatus, syncFeeds, flushOutbox, scansPerMessage, headerUpdatesPerMessage, keptBodies };

// Every start of the worker (install, browser start, wake-up after being stopped): deliver what waits.
flushOutbox().catch(warn('outbox'));
retryWhenOnline();
scheduleFeedSync({ syncNow: false }).catch(warn('feeds'));

async function answer(request: BackgroundRequest): Promise<Answer<unknown>> {
  try {
    switch (request.type) {
      case 'hello':
        await ready;
        return { ok: true, value: null };
      case 'scan':
        return { ok: true, value: await withPictureHint(request.message, request.pictures, queuedScan(request.message, undefined, request.key, request.keepBody === true)) };
      case 'scan-headers':
        return { ok: true, value: await queuedHeaderUpdate(request.message, String(request.key)) };
      case 'drop-body':
        dropKeptBody(String(request.key));
        return { ok: true, value: null };
      case 'ocr':
        return { ok: true, value: await ocrScan(request.message, request.images, request.raw) };
      case 'parse-headers':
        // A first scan may wait for these headers: at once unless scans are backed up.
        await headerTurn();
        return { ok: true, value: await parseHeaderBlock(rawMessageOf({ text: String(request.raw), html: request.html === true })) };
      case 'report':
        return { ok: true, value: await reportMessage(request) };
      case 'status':
        return { ok: true, value: await readStatus() };
      case 'sync-now':
        await syncFeeds({ force: true });
        return { ok: true, value: await readStatus() };
      case 'flush-outbox':
        await flushOutbox({ retryNow: true });
        return { ok: true, value: await readStatus() };
      case 'dismissed-list':
        return { ok: true, value: await dismissedKeys() };
      case 'dismissed-set':
        await setDismissed(request.key, request.hidden === true);
        return { ok: true, value: null };
      default:
        return { ok: false, error: `unknown request ${(request as { type?: string }).type}` };
    }
  } catch (error) {
    return { ok: false, error: (error as Error).message || String(error) };
  }
}
