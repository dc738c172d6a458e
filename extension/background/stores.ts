// The worker's IndexedDB stores: cached feeds (for reputation lookups) and the device's sightings.
import { openIdbFeedStore, type IdbFeedStore } from '../../shared/browser/idb-feed-store.ts';
import { openIdbSightingsStore, type IdbSightingsStore } from '../../shared/browser/idb-sightings-store.ts';
import { openIdbSendersStore, type IdbSendersStore } from '../../shared/browser/idb-senders-store.ts';
import { StoreLookup } from '../../shared/feed-sync/store-lookup.ts';
import type { FeedStatus } from '../../shared/feed/types.ts';
import type { ReputationLookup } from '../../shared/types.ts';
import { getPolicyForScan } from './policy.ts';

let feedStore: Promise<IdbFeedStore> | undefined;

export function getFeedStore(): Promise<IdbFeedStore> {
  feedStore ??= openIdbFeedStore().catch((error: unknown) => {
    feedStore = undefined;
    throw error;
  });
  return feedStore;
}

export async function getReputation(): Promise<ReputationLookup | undefined> {
  const [store, { effective }] = await Promise.all([getFeedStore(), getPolicyForScan()]);
  return new StoreLookup(store, effective.feedTtlDays);
}

let sightingsStore: Promise<IdbSightingsStore> | undefined;

/** The device's own memory of numbers seen in this reader's mail: never leaves the browser. */
export async function getSightings(): Promise<IdbSightingsStore | undefined> {
  sightingsStore ??= openIdbSightingsStore().catch((error: unknown) => {
    sightingsStore = undefined;
    throw error;
  });
  return sightingsStore.catch((error: unknown) => {
    console.warn('Ringfence: sightings unavailable', error);
    return undefined;
  });
}

let sendersStore: Promise<IdbSendersStore> | undefined;

/** The device's memory of who this reader gets mail from (keys and days only): never leaves the browser. */
export async function getSenders(): Promise<IdbSendersStore | undefined> {
  sendersStore ??= openIdbSendersStore().catch((error: unknown) => {
    sendersStore = undefined;
    throw error;
  });
  return sendersStore.catch((error: unknown) => {
    console.warn('Ringfence: familiar senders unavailable', error);
    return undefined;
  });
}

export async function listFeedStatus(): Promise<FeedStatus[]> {
  return (await getFeedStore()).listStatus();
}
