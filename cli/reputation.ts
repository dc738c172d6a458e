import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { sourceFetch, sourceName } from './load-feed.ts';
import { openNodeFeedStore } from './node-store.ts';
import { syncAll, type BundledFeed } from '../shared/feed-sync/sync-all.ts';
import { StoreLookup } from '../shared/feed-sync/store-lookup.ts';
import { canonicalFeedUrl } from '../shared/feed-sync/signed-statement.ts';
import type { FeedConfig, Policy, ReputationLookup } from '../shared/types.ts';

const STARTER_FEED: BundledFeed = {
  url: 'bundled:starter',
  version: 'cli',
  format: 'ringfence',
  load: async () => new Uint8Array(await readFile(fileURLToPath(new URL('../data/starter-feed.json', import.meta.url)))),
};

export interface ReputationOptions {
  /** Deadline per feed request. Default 30 s. */
  timeoutMs?: number;
  fetch?: typeof sourceFetch;
}

/**
 * The feeds a CLI scan checks numbers against: every `--feed` given; else the policy's feeds; else the
 * bundled starter feed unless the policy turns it off. They are read the way the browsers read them
 * (shared/feed-sync): a feed the policy pins a key for must carry a good signature at URL.sig (FILE.sig for a
 * file), an empty copy is refused, and so on. A feed that cannot be used stops the run with the reason.
 */
export async function buildReputation(sources: readonly string[], policy: Policy, options: ReputationOptions = {}): Promise<ReputationLookup | undefined> {
  const feeds = sources.length > 0 ? sources.map((source) => configFor(source, policy)) : policy.feeds ?? [];
  const effective: Policy = sources.length > 0 ? { ...policy, feeds, useBundledFeed: false } : policy;
  if (feeds.length === 0 && policy.useBundledFeed === false) return undefined;

  const store = await openNodeFeedStore();
  const outcomes = await syncAll(effective, store, {
    now: new Date(),
    force: true,
    fetch: options.fetch ?? sourceFetch,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    bundled: STARTER_FEED,
  });
  for (const outcome of outcomes) {
    if (outcome.result === 'failed') {
      const missing = !/^https?:\/\//i.test(outcome.url) && /^HTTP 404 from /.test(outcome.error);
      throw new Error(`feed ${outcome.url} refused: ${missing ? 'no such file' : outcome.error}`);
    }
    if (outcome.result === 'updated' && outcome.rejectedEntries > 0) {
      console.error(`ringfence: feed ${outcome.url}: ${outcome.rejectedEntries} entries left out (ringfence feed validate lists them)`);
    }
  }
  return new StoreLookup(store, policy.feedTtlDays ?? 30);
}

/** A `--feed` source as a feed config: the policy's own entry for it (its key, verdict, format) when it has one. */
function configFor(source: string, policy: Policy): FeedConfig {
  const named = policy.feeds?.find((feed) => canonicalFeedUrl(feed.url) === canonicalFeedUrl(source));
  return named ?? { url: source, format: 'auto', name: sourceName(source) };
}
