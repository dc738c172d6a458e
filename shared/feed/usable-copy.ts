import type { FeedError, ParsedFeed } from './types.ts';
import { EMPTY_DIRECTIVE } from './empty-directive.ts';

/**
 * Why a parsed copy must not replace the last good one, or undefined when it may. A copy without entries
 * is a failed update (an empty 200, "# maintenance", every entry rejected) unless the feed says it is
 * empty on purpose and has nothing wrong in it.
 */
export function unusableCopyReason(feed: { entries: { readonly length: number }; empty?: ParsedFeed['empty'] }, errors: readonly FeedError[]): string | undefined {
  if (feed.entries.length > 0) return undefined;
  if (errors.length > 0) {
    const first = errors[0]!;
    return `no usable entries (${errors.length} errors; first at ${first.where}: ${first.message})`;
  }
  if (feed.empty) return undefined;
  return `no entries, and the feed does not say it is empty on purpose ("empty": true in a native feed, a "${EMPTY_DIRECTIVE}" line in text or CSV); the last good copy stays in use`;
}
