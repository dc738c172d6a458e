import { fileURLToPath } from 'node:url';
import { loadFeedSource } from './load-feed.ts';
import { FeedIndex } from '../shared/feed/index.ts';
import type { ParsedFeed } from '../shared/feed/types.ts';
import type { Policy, ReputationLookup } from '../shared/types.ts';

const STARTER_FEED = fileURLToPath(new URL('../data/starter-feed.json', import.meta.url));

/**
 * The feeds a CLI scan checks numbers against: every `--feed` given; else the policy's feeds; else the
 * bundled starter feed unless the policy turns it off. A feed that cannot be loaded stops the run.
 */
export async function buildReputation(sources: readonly string[], policy: Policy): Promise<ReputationLookup | undefined> {
  const configured = sources.length > 0
    ? sources.map((url) => ({ url, format: 'auto' as const, verdict: undefined }))
    : (policy.feeds ?? []);
  const wanted = configured.length > 0 ? configured : policy.useBundledFeed === false ? [] : [{ url: STARTER_FEED, format: 'ringfence' as const, verdict: undefined }];
  if (wanted.length === 0) return undefined;

  const feeds: ParsedFeed[] = [];
  for (const feed of wanted) {
    const result = await loadFeedSource(feed.url, {
      format: feed.format ?? 'auto',
      verdict: feed.verdict ?? 'scam',
      defaultRegion: policy.defaultRegion ?? 'US',
    });
    for (const error of result.errors.slice(0, 5)) console.error(`ringfence: feed ${feed.url}: ${error.where}: ${error.message}`);
    if (result.errors.length > 5) console.error(`ringfence: feed ${feed.url}: ${result.errors.length - 5} more errors`);
    feeds.push(result.feed);
  }
  return new FeedIndex(feeds, { ttlDays: policy.feedTtlDays ?? 30 });
}
