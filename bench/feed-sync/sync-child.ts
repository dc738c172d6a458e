// One process, one store: syncs FEED_URL twice (the server answers a changed copy the second time) and
// prints what it cost as one JSON line. Run by bench/cases/feed-sync.ts so its peak RSS is the sync's own.
// The store is the extension's (IdbFeedStore) over fake-indexeddb, which keeps the whole database in this
// process's memory: the RSS here includes the stored copies, which Chromium keeps on disk. For the same
// reason rows are not staged in that database (stageRows: false): staging exists to move a copy's rows out
// of the extension's process onto disk, and here it would only hold them twice in this one. FEED_SYNC_STAGED=1
// stages them anyway (the extension's code path, with the database's memory counted).
import 'fake-indexeddb/auto';
import { openIdbFeedStore } from '../../shared/browser/idb-feed-store.ts';
import { syncFeed } from '../../shared/feed-sync/sync.ts';

const [urlArg, maxBytesText] = process.argv.slice(2);
if (!urlArg) throw new Error('usage: sync-child.ts FEED_URL [MAX_BYTES]');
const url: string = urlArg;
const maxBytes = Number(maxBytesText ?? 200 * 1024 * 1024);
const store = await openIdbFeedStore({ name: `bench-feed-sync-${process.pid}`, stageRows: process.env.FEED_SYNC_STAGED === '1' });
const probe = '+12025550007';

async function measured(round: number) {
  let worstLookupMs = 0;
  let peakRss = process.memoryUsage.rss();
  let running = true;
  // A scan every 10 ms: how long does one wait while the sync runs?
  const scans = (async () => {
    while (running) {
      const due = performance.now() + 10;
      await new Promise((resolve) => setTimeout(resolve, 10));
      await store.lookup([probe], new Date(), 30);
      worstLookupMs = Math.max(worstLookupMs, performance.now() - due);
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }
  })();
  const started = performance.now();
  const outcome = await syncFeed({ url }, store, { now: new Date(Date.UTC(2026, 2, 8, 12) + round * 3_600_000), policy: {}, maxBytes, timeoutMs: 600_000, force: true });
  const ms = performance.now() - started;
  running = false;
  await scans;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  return { outcome, ms, worstLookupMs, peakRssMb: peakRss / 1024 / 1024 };
}

const full = await measured(0);
const changed = await measured(1);
store.close(); // its BroadcastChannel would keep the process alive
process.stdout.write(`${JSON.stringify({ full, changed, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
