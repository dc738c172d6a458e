// Feeds for the task pane: cached in IndexedDB of the add-in's origin, synced on every open with
// conditional GET (a 304 costs a few bytes), looked up without touching the network.
import { openIdbFeedStore } from '../../shared/browser/idb-feed-store.ts';
import { StoreLookup } from '../../shared/feed-sync/store-lookup.ts';
import { syncAll } from '../../shared/feed-sync/sync-all.ts';
import type { FeedStore } from '../../shared/feed/types.ts';
import type { EffectivePolicy } from '../policy/load-hosted-policy.ts';
import type { PaneFeeds } from '../taskpane/run-pane.ts';
import { bundledStarterFeed } from './bundled-starter-feed.ts';

export const PANE_SYNC_TIMEOUT_MS = 15_000;

export async function openPaneFeeds(policy: EffectivePolicy, options: { store?: FeedStore; fetchFn?: typeof fetch } = {}): Promise<PaneFeeds> {
  const store = options.store ?? (await openIdbFeedStore());
  return {
    lookup: new StoreLookup(store, policy.feedTtlDays),
    async sync(current) {
      const outcomes = await syncAll(current, store, {
        now: new Date(),
        force: 'revalidate', // every open revalidates (a 304 is cheap), except while backing off after failures
        timeoutMs: PANE_SYNC_TIMEOUT_MS,
        bundled: bundledStarterFeed,
        ...(options.fetchFn ? { fetch: options.fetchFn } : {}),
      });
      return outcomes.some((o) => o.result === 'updated');
    },
    async summary() {
      return (await store.listStatus()).map((s) => ({
        name: s.name || s.url,
        entryCount: s.entryCount,
        ...(s.lastSuccess ? { lastSuccess: s.lastSuccess } : {}),
        ...(s.lastError ? { lastError: s.lastError } : {}),
        ...(s.lastProblem ? { lastProblem: s.lastProblem } : {}),
      }));
    },
  };
}
