// A sync must never hold the event loop for long: while a big or hostile feed is read, a scan (a lookup
// started by a timer) is answered within a few slices, not after the whole parse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeFeedStore } from '../../cli/node-store.ts';
import { syncFeed } from '../../shared/feed-sync/sync.ts';
import { startHttpServer, type TestServer } from '../support/http-server.ts';
import { numberAt } from './feeds.ts';

const now = new Date('2026-03-08T12:00:00Z');
let server: TestServer;
beforeAll(async () => (server = await startHttpServer()));
afterAll(() => server.close());

/** Runs `work` while a lookup starts every 10 ms; returns the slowest lookup's latency from when it was due. */
async function worstScanLatency(store: Awaited<ReturnType<typeof openNodeFeedStore>>, work: () => Promise<unknown>): Promise<{ worst: number; scans: number }> {
  let worst = 0;
  let scans = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const due = performance.now() + 10;
      await new Promise((resolve) => setTimeout(resolve, 10));
      await store.lookup([numberAt(3)], now, 30);
      worst = Math.max(worst, performance.now() - due);
      scans++;
    }
  })();
  await work();
  running = false;
  await loop;
  return { worst, scans };
}

describe('sync keeps scans answered', () => {
  it('a 3 MB junk feed is refused at once and does not delay a scan', async () => {
    const store = await openNodeFeedStore();
    server.route('/junk.txt', { body: 'hello, this is not a number, 12\n'.repeat(100_000) });
    const { worst } = await worstScanLatency(store, async () => {
      const outcome = await syncFeed({ url: server.url('/junk.txt') }, store, { now, policy: {} });
      expect(outcome).toMatchObject({ result: 'failed', error: /mostly not phone numbers/ });
    });
    expect(worst).toBeLessThan(1_000);
  });

  it('a 50,000-entry feed is parsed in slices: scans go on during the sync', async () => {
    const store = await openNodeFeedStore();
    const lines = Array.from({ length: 50_000 }, (_, i) => numberAt(i));
    server.route('/big.txt', { body: `${lines.join('\n')}\n` });
    const started = performance.now();
    const { worst, scans } = await worstScanLatency(store, async () => {
      const outcome = await syncFeed({ url: server.url('/big.txt') }, store, { now, policy: {} });
      expect(outcome).toMatchObject({ result: 'updated', entries: 50_000 });
    });
    const duration = performance.now() - started;
    // Parsed in one go, the slowest scan would wait for most of the sync (1-10 s here, by machine load);
    // in slices it waits a slice or two (plus whatever the shared machine's scheduler adds).
    expect(scans).toBeGreaterThan(10);
    expect(worst).toBeLessThan(Math.max(250, duration / 5));
  });
});
