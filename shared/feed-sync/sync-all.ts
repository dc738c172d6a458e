// Syncs every feed the policy names (or the bundled starter feed when it names none), and forgets feeds
// the policy no longer names so they stop answering lookups.
import type { FeedConfig, Policy } from '../types.ts';
import type { FeedStore } from '../feed/types.ts';
import { parseFeedAsync } from '../feed/parse-feed.ts';
import { unusableCopyReason } from '../feed/usable-copy.ts';
import { syncFeed, type SyncOptions, type SyncOutcome } from './sync.ts';
import { feedProblem } from './feed-problem.ts';

/** The starter feed shipped inside the package: read from the bundle, never fetched. */
export interface BundledFeed {
  /** Key it is stored under, e.g. "bundled:starter". */
  url: string;
  /** Changes whenever the bundled file changes (the package version or a content hash). */
  version: string;
  load(): Promise<string | Uint8Array>;
  format?: FeedConfig['format'];
}

export interface SyncAllOptions extends Omit<SyncOptions, 'policy'> {
  bundled?: BundledFeed;
}

/** The feeds in force: the policy's, else the bundled one unless `useBundledFeed` is false. */
export function activeFeeds(policy: Policy, bundled?: BundledFeed): FeedConfig[] {
  if (policy.feeds && policy.feeds.length > 0) return policy.feeds;
  if (policy.useBundledFeed === false || !bundled) return [];
  return [{ url: bundled.url, format: bundled.format ?? 'ringfence' }];
}

export async function syncAll(policy: Policy, store: FeedStore, options: SyncAllOptions): Promise<SyncOutcome[]> {
  const feeds = activeFeeds(policy, options.bundled);
  const wanted = new Set(feeds.map((f) => f.url));
  for (const status of await store.listStatus()) {
    if (!wanted.has(status.url)) await store.removeFeed(status.url);
  }
  const outcomes: SyncOutcome[] = [];
  // One at a time: a big feed parsed while another downloads would double the peak memory.
  for (const config of feeds) {
    if (options.signal?.aborted) break;
    const { bundled } = options;
    outcomes.push(
      bundled && config.url === bundled.url
        ? await installBundled(bundled, store, options.now)
        : await syncFeed(config, store, { ...options, policy }),
    );
  }
  return outcomes;
}

async function installBundled(bundled: BundledFeed, store: FeedStore, now: Date): Promise<SyncOutcome> {
  const tag = `bundled:${bundled.version}`;
  const status = await store.getStatus(bundled.url);
  if (status && status.version > 0 && status.etag === tag) return { url: bundled.url, result: 'not-modified' };
  try {
    const parsed = await parseFeedAsync(await bundled.load(), { format: bundled.format ?? 'auto' });
    const unusable = unusableCopyReason(parsed.feed, parsed.errors);
    if (unusable) throw new Error(unusable);
    await store.replaceFeed(bundled.url, parsed.feed, {
      etag: tag,
      lastAttempt: now.toISOString(),
      lastSuccess: now.toISOString(),
      lastError: undefined,
      lastProblem: undefined,
      failures: 0,
    });
    const version = (await store.getStatus(bundled.url))?.version ?? 0;
    return { url: bundled.url, result: 'updated', version, entries: parsed.feed.entries.length, rejectedEntries: parsed.errors.length, signed: false };
  } catch (error) {
    const message = `bundled feed unusable: ${(error as Error).message}`;
    await store.updateStatus(bundled.url, { lastAttempt: now.toISOString(), lastError: message, lastProblem: feedProblem('bundled', message) });
    return { url: bundled.url, result: 'failed', error: message, failures: (status?.failures ?? 0) + 1, nextAttempt: now.toISOString() };
  }
}

/** When the next feed is due (the earliest nextAttempt), for the caller's timer or alarm. */
export async function nextSyncDue(store: FeedStore): Promise<Date | undefined> {
  const times = (await store.listStatus()).flatMap((s) => (s.nextAttempt ? [Date.parse(s.nextAttempt)] : []));
  return times.length > 0 ? new Date(Math.min(...times)) : undefined;
}
