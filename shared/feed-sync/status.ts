// Merging FeedStatus records: a patch's undefined fields clear the stored value.
import type { FeedStatus } from '../feed/types.ts';

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
