// Cached feeds for the report handler: read only, never synced there (the task pane keeps them fresh).
import { openIdbFeedStore } from '../../shared/browser/idb-feed-store.ts';
import { StoreLookup } from '../../shared/feed-sync/store-lookup.ts';
import type { ReputationLookup } from '../../shared/types.ts';

export async function openReputation(ttlDays?: number): Promise<ReputationLookup> {
  return new StoreLookup(await openIdbFeedStore(), ttlDays);
}
