// Feed updates: on a schedule (chrome.alarms, interval from policy, back-off after failures), and at once
// when the policy changes. Fetching and storing is shared/feed-sync's job; this only decides when.
import browser from 'webextension-polyfill';
import { syncAll, nextSyncDue, type BundledFeed } from '../../shared/feed-sync/sync-all.ts';
import { getPolicy } from './policy.ts';
import { getFeedStore } from './stores.ts';
import { rejudgeOpenMessages } from './rejudge-tabs.ts';

export const FEED_ALARM = 'ringfence-feeds';

/** The starter feed shipped in the extension (data/starter-feed.json), used when policy names no feed. */
const STARTER_FEED: BundledFeed = {
  url: 'bundled:starter',
  version: browser.runtime.getManifest().version,
  format: 'ringfence',
  load: async () => {
    const response = await fetch(browser.runtime.getURL('data/starter-feed.json'));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  },
};
/** Chromium fires alarms no sooner than this. */
const MIN_ALARM_MS = 30_000;

let running: Promise<void> | undefined;
let queued: Promise<void> | undefined;

/** Makes sure an alarm will sync the feeds; syncs now when asked to or when none was scheduled yet. */
export async function scheduleFeedSync(options: { syncNow: boolean }): Promise<void> {
  const existing = await browser.alarms.get(FEED_ALARM);
  if (options.syncNow || !existing) await syncFeeds();
}

/** One sync at a time; a request during a sync runs once more afterwards (the policy may have changed). */
export function syncFeeds(options: { force?: boolean } = {}): Promise<void> {
  const force = options.force ?? false;
  if (!running) {
    running = runSync(force).finally(() => {
      running = undefined;
    });
    return running;
  }
  queued ??= running
    .catch(() => {})
    .then(() => {
      queued = undefined;
      return syncFeeds({ force });
    });
  return queued;
}

async function runSync(force: boolean): Promise<void> {
  const [{ effective }, store] = await Promise.all([getPolicy(), getFeedStore()]);
  try {
    const before = (await store.listStatus()).map((s) => `${s.url}#${s.version}`).sort().join(' ');
    const outcomes = await syncAll(effective, store, { now: new Date(), force, bundled: STARTER_FEED });
    for (const outcome of outcomes) {
      if (outcome.result === 'failed') console.warn(`Ringfence: feed ${outcome.url}: ${outcome.error}`);
    }
    const after = (await store.listStatus()).map((s) => `${s.url}#${s.version}`).sort().join(' ');
    if (after !== before) await rejudgeOpenMessages();
  } finally {
    const interval = effective.updateIntervalMinutes * 60_000;
    const due = (await nextSyncDue(store))?.getTime() ?? Date.now() + interval;
    const when = Math.max(Date.now() + MIN_ALARM_MS, Math.min(due, Date.now() + interval));
    await browser.alarms.create(FEED_ALARM, { when, periodInMinutes: effective.updateIntervalMinutes });
  }
}
