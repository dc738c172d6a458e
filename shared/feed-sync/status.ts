// Merging FeedStatus records: a patch's undefined fields clear the stored value.
import type { FeedStatus, ParsedFeed } from '../feed/types.ts';

export function emptyStatus(url: string): FeedStatus {
  return { url, name: url, version: 0, entryCount: 0, failures: 0 };
}

export function mergeStatus(base: FeedStatus, patch: Partial<FeedStatus>): FeedStatus {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged as unknown as FeedStatus;
}

/** The status of a feed after a new copy replaces `old`: the sync's metadata, then the copy's own facts, version + 1. */
export function replacedStatus(url: string, old: FeedStatus | undefined, feed: ParsedFeed, meta: Partial<FeedStatus>): FeedStatus {
  return replacedStatusFor(url, old, { name: feed.name, format: feed.format, entryCount: feed.entries.length }, meta);
}

/** replacedStatus from the copy's facts alone (a copy stored bucket by bucket is never one ParsedFeed). */
export function replacedStatusFor(
  url: string,
  old: FeedStatus | undefined,
  copy: { name: string; format: ParsedFeed['format']; entryCount: number },
  meta: Partial<FeedStatus>,
): FeedStatus {
  return mergeStatus(mergeStatus(old ?? emptyStatus(url), meta), {
    url,
    name: copy.name,
    format: copy.format,
    version: (old?.version ?? 0) + 1,
    entryCount: copy.entryCount,
  });
}
