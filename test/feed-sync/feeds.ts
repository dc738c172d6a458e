// Feeds and stores for the feed-sync tests.
import 'fake-indexeddb/auto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedEntry, FeedStore, ParsedFeed } from '../../shared/feed/types.ts';
import { openIdbFeedStore, type IdbFeedStoreOptions } from '../../shared/browser/idb-feed-store.ts';
import { openNodeFeedStore } from '../../cli/node-store.ts';

let dbCounter = 0;

export interface StoreMaker {
  name: string;
  /** A fresh store; `reopen` opens another store over the same data (a restart). */
  make(): Promise<{ store: FeedStore; reopen(options?: IdbFeedStoreOptions): Promise<FeedStore>; close(): Promise<void> }>;
}

export const STORES: StoreMaker[] = [
  {
    name: 'IndexedDB (fake-indexeddb), resident copy',
    async make() {
      const name = `test-feeds-${process.pid}-${++dbCounter}`;
      const opened: { close(): void }[] = [];
      const open = async (options: IdbFeedStoreOptions = {}) => {
        const store = await openIdbFeedStore({ name, ...options });
        opened.push(store);
        // Every lookup answers from the copy held in memory (normally it loads in the background).
        const lookup = store.lookup.bind(store);
        store.lookup = async (...args) => (await store.warm(), lookup(...args));
        return store;
      };
      return { store: await open(), reopen: open, close: async () => opened.forEach((s) => s.close()) };
    },
  },
  {
    name: 'IndexedDB (fake-indexeddb), no resident copy',
    async make() {
      const name = `test-feeds-${process.pid}-${++dbCounter}`;
      const opened: { close(): void }[] = [];
      const open = async (options: IdbFeedStoreOptions = {}) => {
        const store = await openIdbFeedStore({ name, residentEntries: 0, cachedBuckets: 1, ...options });
        opened.push(store);
        return store;
      };
      return { store: await open(), reopen: open, close: async () => opened.forEach((s) => s.close()) };
    },
  },
  {
    name: 'Node (cache dir)',
    async make() {
      const cacheDir = await mkdtemp(join(tmpdir(), 'ringfence-feeds-'));
      return {
        store: await openNodeFeedStore({ cacheDir }),
        reopen: () => openNodeFeedStore({ cacheDir }),
        close: async () => {},
      };
    },
  },
  {
    name: 'Node (memory)',
    async make() {
      const store = await openNodeFeedStore();
      return { store, reopen: async () => store, close: async () => {} };
    },
  },
];

/** n scam numbers +1 202 555 xxxx-style, deterministic, plus optional extras. */
export function numbersFeed(name: string, count: number, extra: FeedEntry[] = [], lastSeen = '2026-03-01'): ParsedFeed {
  const entries: FeedEntry[] = [];
  for (let i = 0; i < count; i++) entries.push({ key: numberAt(i), kind: 'number', verdict: 'scam', lastSeen, brands: ['PayPal'], reports: i % 50 });
  return { format: 'ringfence', name, entries: [...entries, ...extra] };
}

export function numberAt(i: number): string {
  return `+1${String(2025550000 + i * 7).padStart(10, '0')}`;
}

/** A native-format feed document for HTTP tests. */
export function nativeFeedText(name: string, numbers: string[], blocks: { block: string; digits: number }[] = []): string {
  return JSON.stringify({
    format: 'ringfence-feed/1',
    name,
    published: '2026-03-07T00:00:00Z',
    entries: [
      ...numbers.map((number) => ({ number, verdict: 'scam', lastSeen: '2026-03-06', brands: ['PayPal'] })),
      ...blocks.map((b) => ({ ...b, verdict: 'scam' })),
    ],
  });
}
