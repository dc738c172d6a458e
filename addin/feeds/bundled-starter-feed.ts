// The starter feed shipped with the add-in (data/starter-feed.json), used when the policy names no feed.
// Loaded lazily: it is only parsed when the store does not already hold this version.
import type { BundledFeed } from '../../shared/feed-sync/sync-all.ts';
import { ADDIN_VERSION } from '../version.ts';

export const STARTER_FEED_KEY = 'bundled:starter';

export const bundledStarterFeed: BundledFeed = {
  url: STARTER_FEED_KEY,
  version: ADDIN_VERSION,
  format: 'ringfence',
  async load() {
    const feed = await import('../../data/starter-feed.json');
    return JSON.stringify(feed.default);
  },
};
