// feed-ingest-1m: entries/s storing a 1,000,000-entry feed in IndexedDB in real Chromium (goal: ≤ 10 s).
// lookup-p99: µs per single-number lookup over 100,000 lookups, a third each exact hits, misses and block
// hits (goal: ≤ 1 ms). Baseline for both: an in-memory Map filled and queried in the same page.
import type { BenchResult } from '../types.ts';
import { hasChromium } from '../../test/support/chromium.ts';
import { openFeedStorePage, type RingfenceWindow } from '../../test/feed-sync/browser-page.ts';

const ENTRIES = 1_000_000;
const LOOKUPS = 100_000;

export default async function (): Promise<BenchResult[]> {
  if (!hasChromium) {
    console.error('feed-store bench skipped: no Chromium at /usr/bin/chromium');
    return [];
  }
  const harness = await openFeedStorePage();
  try {
    const ingest = await harness.page.evaluate(
      (n) => (window as unknown as RingfenceWindow).ringfence.bench.ingest(n, 'bench-feed-store'),
      ENTRIES,
    );
    const measure = (resident: boolean) =>
      harness.page.evaluate(async ({ count, resident }) => {
      const result = await (window as unknown as RingfenceWindow).ringfence.bench.lookups(count, resident);
      const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;
      return {
        p50: quantile(result.store, 0.5),
        p99: quantile(result.store, 0.99),
        mapP50: quantile(result.map, 0.5),
        mapP99: quantile(result.map, 0.99),
        hits: result.hits,
        mapHits: result.mapHits,
        warmMs: result.warmMs,
      };
    }, { count: LOOKUPS, resident });
    const lookup = await measure(true);
    const fromStorage = await measure(false);
    for (const run of [lookup, fromStorage]) {
      if (run.hits !== run.mapHits) throw new Error(`store found ${run.hits} hits, the Map ${run.mapHits}`);
    }

    const rate = ingest.entries / (ingest.storeMs / 1000);
    const mapRate = ingest.entries / (ingest.mapMs / 1000);
    return [
      {
        name: 'feed-ingest-1m',
        unit: 'entries/s',
        value: rate,
        baseline: mapRate,
        ratio: rate / mapRate,
        baselineName: 'Map.set in the same page',
        note: `${ingest.entries} entries stored in ${(ingest.storeMs / 1000).toFixed(1)} s (goal ≤ 10 s)`,
      },
      {
        name: 'lookup-p99',
        unit: 'µs',
        value: lookup.p99,
        baseline: lookup.mapP99,
        ratio: lookup.p99 / Math.max(lookup.mapP99, 1),
        baselineName: 'Map.get in the same page',
        note:
          `${LOOKUPS} lookups, ${lookup.hits} hits; copy held in memory (residentEntries ≥ 1M, loaded in ${(lookup.warmMs / 1000).toFixed(1)} s): ` +
          `p50 ${lookup.p50.toFixed(0)} µs (Map ${lookup.mapP50.toFixed(1)} µs); reading buckets from IndexedDB instead: ` +
          `p50 ${fromStorage.p50.toFixed(0)} µs, p99 ${fromStorage.p99.toFixed(0)} µs; goal p99 ≤ 1000 µs; lower is better`,
      },
    ];
  } finally {
    await harness.close();
  }
}
