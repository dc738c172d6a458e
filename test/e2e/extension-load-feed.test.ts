// A big feed from policy, in real Chromium with the built extension: while the service worker syncs a feed
// of RINGFENCE_LOAD_FEED_ENTRIES entries (default 200,000; 1,000,000 for the full size) carrying
// every field of the README example (gzip on the wire), messages are opened one after another in the
// Gmail-shaped page: every banner comes within 2 s, and the extension's process (the renderer that runs
// its service worker, found by --extension-process among the browser's processes) stays at or under 300 MB
// of RSS. The feed is served as `ringfence serve` serves its own (server/feed/feed-routes.ts: ETag, gzip,
// Cache-Control: no-store; without no-store Chromium reads the body ahead into the extension's process,
// which put the 1% change at 303-319 MB at 1,000,000 entries). Then the feed changes by 1% and is synced again: only changed buckets are written. Figures are
// printed as "[load-feed] …" lines.
import { gzipSync } from 'node:zlib';
import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../support/chromium.ts';
import { browserPid } from './support/kill-browser.ts';
import { basePolicy, startHarness, type Harness } from '../extension/support/harness.ts';
import { WEBMAIL_START } from '../extension/support/webmail-routes.ts';
import { respond } from '../fixtures/webmail/site.ts';
import { loadMailbox, loadMessageId } from '../extension/support/load-mailbox.ts';
import { sizeFromEnv } from './support/size-from-env.ts';
import { sendRepresentation, type Representation } from '../../server/http/respond.ts';
import { FEED_HEADERS } from '../../server/feed/feed-routes.ts';

const ENTRIES = sizeFromEnv('RINGFENCE_LOAD_FEED_ENTRIES', 200_000);
const MESSAGES = 400;
/** Messages from here on are opened with no sync running: the control for the RSS figures. */
const CONTROL_FROM = 360;
const BRANDS = ['PayPal', 'Norton', 'McAfee', 'Geek Squad', 'Microsoft', 'Apple', 'Amazon', 'Coinbase'];
const MAX_RSS_MB = 300;
const MAX_BANNER_MS = 2_000;

/** The README example's fields on every entry; `changed` bumps every 100th entry's lastSeen and reports. */
function bigFeed(count: number, changed: boolean): Representation {
  const today = new Date().toISOString().slice(0, 10);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const bump = changed && i % 100 === 0;
    parts.push(JSON.stringify({
      number: `+1${String(2_025_550_000 + i * 7).padStart(10, '0')}`,
      verdict: 'scam',
      brands: [BRANDS[i % BRANDS.length]],
      firstSeen: '2026-03-03',
      lastSeen: bump ? today : '2026-03-06',
      reports: (i % 500) + (bump ? 1 : 0),
      lineType: 'voip',
    }));
  }
  const bytes = Buffer.from(`{"format":"ringfence-feed/1","name":"Big feed","published":"${new Date().toISOString()}","entries":[${parts.join(',')}]}`);
  return { bytes, gzipped: gzipSync(bytes), etag: `"big-${changed ? 1 : 0}"`, contentType: 'application/json' };
}

/** RSS (MB) of each renderer Chromium started for an extension (--extension-process), among the browser's descendants. */
async function extensionProcessesRss(browser: number): Promise<Map<number, number>> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (stat) parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
  }
  const descends = (pid: number): boolean => {
    for (let p = parents.get(pid), hops = 0; p !== undefined && p > 1 && hops < 10; p = parents.get(p), hops++) if (p === browser) return true;
    return false;
  };
  const found = new Map<number, number>();
  for (const pid of parents.keys()) {
    if (!descends(pid)) continue;
    try {
      // A renderer forked by the zygote retitles itself: its switches are one space-separated string.
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!/(?:^|[\s\0])--extension-process(?:[\s\0]|$)/.test(cmdline)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${pid}/status`, 'utf8'));
      if (rss) found.set(pid, Number(rss[1]) / 1024);
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

function report(what: string, figures: Record<string, unknown>): void {
  console.log(`[load-feed] ${what}: ${JSON.stringify(figures)}`);
}

describe.skipIf(!hasChromium)(`extension syncing a ${ENTRIES.toLocaleString('en-US')}-entry feed`, () => {
  let h: Harness;
  let page: Page;
  let browser: number;
  const ids = Array.from({ length: MESSAGES }, (_, i) => loadMessageId(5_000 + i));
  const bodies = [bigFeed(ENTRIES, false), bigFeed(ENTRIES, true)];
  let served = 0;

  beforeAll(async () => {
    h = await startHarness('load-feed');
    await h.waitForFeed(h.feeds.url('/feed-a.json'));
    browser = (await browserPid(h.browser.userDataDir))!;
    expect(browser).toBeGreaterThan(0);
    page = await h.context.newPage();
    const mailbox = loadMailbox(MESSAGES, 1);
    await page.route('https://mail.google.com/**', (route) => {
      const answer = respond('gmail', new URL(route.request().url()), mailbox);
      return route.fulfill({ status: answer.status, contentType: answer.contentType, body: answer.body });
    });
    await page.goto(WEBMAIL_START.gmail);
    await page.waitForSelector('tr[data-thread]');
    // Served as `ringfence serve` serves its feed (ETag, gzip, Cache-Control: no-store).
    h.feeds.route('/big.json', (req, res) => sendRepresentation(req, res, bodies[served]!, FEED_HEADERS));
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  /** Opens message n of the load mailbox; ms from its body entering the page to its banner. */
  async function openMessage(n: number): Promise<number> {
    const latency = await page.evaluate(
      async ({ thread, id }) => {
        const f = (window as unknown as { __fixture: { bannerAt: Record<string, number>; insertedAt: Record<string, number> } }).__fixture;
        delete f.bannerAt[id];
        delete f.insertedAt[id];
        location.hash = `#inbox/${thread}`;
        const until = performance.now() + 30_000;
        while (f.bannerAt[id] === undefined) {
          if (performance.now() > until) return null;
          await new Promise((r) => setTimeout(r, 5));
        }
        return f.bannerAt[id]! - f.insertedAt[id]!;
      },
      { thread: `load-${n}`, id: ids[n]! },
    );
    return latency ?? Number.POSITIVE_INFINITY;
  }

  /** Syncs the big feed (policy names it: a new feed syncs at once) while messages are opened. */
  async function syncWhileReading(trigger: () => Promise<void>, version: number, label: string) {
    const url = h.feeds.url('/big.json');
    const before = Math.max(0, ...(await extensionProcessesRss(browser)).values());
    const latencies: number[] = [];
    let peakRss = 0;
    let rssProcesses = 0;
    let syncing = true;
    const sampler = (async () => {
      while (syncing) {
        const rss = await extensionProcessesRss(browser);
        rssProcesses = Math.max(rssProcesses, rss.size);
        for (const mb of rss.values()) peakRss = Math.max(peakRss, mb);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const started = Date.now();
    await trigger();
    const synced = (async () => {
      for (;;) {
        const status = (await h.status().catch(() => null))?.feeds.find((f) => f.url === url);
        if (status && status.version >= version) return status;
        if (status?.lastError && status.failures > 0) throw new Error(`big feed failed: ${status.lastError}`);
        if (Date.now() - started > 240_000) throw new Error('big feed not synced within 240 s');
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    let done = false;
    void synced.then(() => (done = true), () => (done = true));
    let next = served * 150;
    // Open messages one after another for as long as the sync runs (at least 20).
    while ((!done || latencies.length < 20) && next < CONTROL_FROM) {
      latencies.push(await openMessage(next));
      next++;
    }
    const status = await synced;
    const syncMs = Date.now() - started;
    syncing = false;
    await sampler;
    const figures = {
      entries: status.entryCount,
      syncMs,
      opened: latencies.length,
      bannerMaxMs: Math.max(...latencies),
      bannerP95Ms: [...latencies].sort((a, b) => a - b)[Math.ceil(0.95 * latencies.length) - 1],
      extensionProcessRssBeforeMb: Math.round(before),
      extensionProcessPeakRssMb: Math.round(peakRss),
      extensionProcesses: rssProcesses,
    };
    report(label, figures);
    return figures;
  }

  const measured: { full?: Awaited<ReturnType<typeof syncWhileReading>>; changed?: Awaited<ReturnType<typeof syncWhileReading>> } = {};

  it(`keeps banners within ${MAX_BANNER_MS} ms while the feed syncs, then while a 1% change of it syncs`, async () => {
    // Control: the extension process while messages are read and no big feed syncs.
    let controlPeak = 0;
    const controlBefore = Math.max(0, ...(await extensionProcessesRss(browser)).values());
    for (let n = CONTROL_FROM; n < CONTROL_FROM + 20; n++) {
      await openMessage(n);
      controlPeak = Math.max(controlPeak, ...(await extensionProcessesRss(browser)).values());
    }
    report('reading, no sync', { opened: 20, extensionProcessRssBeforeMb: Math.round(controlBefore), extensionProcessPeakRssMb: Math.round(controlPeak) });

    const full = (measured.full = await syncWhileReading(
      () => h.policy.write({ ...basePolicy(h.feeds, h.reports), feeds: [{ url: h.feeds.url('/feed-a.json') }, { url: h.feeds.url('/big.json') }] }),
      1,
      'full sync',
    ));
    expect(full.entries).toBe(ENTRIES);
    expect(full.extensionProcesses).toBeGreaterThan(0);
    expect(full.bannerMaxMs).toBeLessThanOrEqual(MAX_BANNER_MS);

    // The 1% changed copy, synced at once ("update now" from the worker's diagnostics hook).
    served = 1;
    const changed = (measured.changed = await syncWhileReading(
      async () => {
        await (await h.worker()).evaluate(() => void (globalThis as unknown as { ringfence: { syncFeeds(o: { force: boolean }): Promise<void> } }).ringfence.syncFeeds({ force: true }));
      },
      2,
      '1% changed',
    ));
    expect(changed.entries).toBe(ENTRIES);
    expect(changed.bannerMaxMs).toBeLessThanOrEqual(MAX_BANNER_MS);
  }, 600_000);

  // Issue 16.3: at most 300 MB. Before the rows were staged in IndexedDB, the body read into one reused
  // buffer and decoded in JS (feed-sync/staged-rows.ts, fetch-stream.ts reuseBytes, utf8-text.ts), the peak
  // was 255-278 MB (full) and 376-417 MB (1% change) at 200,000 entries, 458-495 MB at 1,000,000. Served
  // without Cache-Control: no-store, Chromium also reads the body ahead into this process (~50 MB while the
  // reader is slower than the network): the 1% change then peaked at 303-319 MB at 1,000,000. With no-store:
  // 265-307 MB; staged rows also let go as soon as they are put: full 250-255 MB, 1% change 261-270 MB.
  it(`keeps the extension process within ${MAX_RSS_MB} MB of RSS during both syncs`, () => {
    expect(measured.full!.extensionProcessPeakRssMb).toBeLessThanOrEqual(MAX_RSS_MB);
    expect(measured.changed!.extensionProcessPeakRssMb).toBeLessThanOrEqual(MAX_RSS_MB);
  });
});
