import type { EntryVerdict, FeedError, FeedParseResult } from './types.ts';
import { MAX_ERRORS } from './feed-collector.ts';

/**
 * Trust comes only from feeds the policy marks as trusted lists (`feeds[].verdict: "trusted"`), and only for
 * exact numbers. Elsewhere an entry that claims to be trusted (a native entry's own verdict, a CSV column)
 * is left out with an error, and so is a trusted block anywhere: a block would vouch for a whole range.
 * Scam entries stay scam in any feed: a scam match always beats trusted.
 */
export function applyListVerdict(result: FeedParseResult, listVerdict: EntryVerdict | undefined): FeedParseResult {
  const errors: FeedError[] = [...result.errors];
  const entries = result.feed.entries.filter((entry, index) => {
    if (entry.verdict !== 'trusted') return true;
    if (listVerdict === 'trusted' && entry.kind === 'number') return true;
    if (errors.length < MAX_ERRORS) errors.push({
      where: `entry ${index} (${entry.key})`,
      message: entry.kind === 'block'
        ? 'a block cannot be trusted: only exact numbers from a trusted list are'
        : 'trusted entries count only in a feed the policy marks as a trusted list (feeds[].verdict: "trusted")',
    });
    return false;
  });
  if (entries.length === result.feed.entries.length) return result;
  return { feed: { ...result.feed, entries }, errors };
}
