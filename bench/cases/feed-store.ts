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
    const lookup = await harness.page.evaluate(async (count) => {
      const result = await (window as unknown as RingfenceWindow).ringfence.bench.lookups(count);
      const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;
      return {
        p50: quantile(result.store, 0.5),
        p99: quantile(result.store, 0.99),
        mapP50: quantile(result.map, 0.5),
        mapP99: quantile(result.map, 0.99),
        hits: result.hits,
        mapHits: result.mapHits,
      };
    }, LOOKUPS);
    if (lookup.hits !== lookup.mapHits) throw new Error(`store found ${lookup.hits} hits, the Map ${lookup.mapHits}`);

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
        note: `${LOOKUPS} lookups, ${lookup.hits} hits; p50 ${lookup.p50.toFixed(0)} µs (Map ${lookup.mapP50.toFixed(1)} µs); goal p99 ≤ 1000 µs; lower is better`,
      },
    ];
  } finally {
    await harness.close();
  }
}
