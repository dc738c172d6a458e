// One browser with the built extension, a managed policy file, a feed server, a report collector and the
// fixture webmail routed in. Used by the Gmail and Outlook-on-the-web browser tests.
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchPersistent, type LaunchedContext } from '../../support/chromium.ts';
import { startHttpServer, type TestServer } from '../../support/http-server.ts';
import type { Policy } from '../../../shared/types.ts';
import type { FeedStatus } from '../../../shared/feed/types.ts';
import { FIXTURE_MESSAGES } from '../../fixtures/webmail/messages.ts';
import { buildExtension, EXTENSION_DIR, extensionWorker } from './extension-under-test.ts';
import { managedPolicyFile, type PolicyFile } from './managed-policy.ts';
import { startReportCollector, type ReportCollector } from './report-collector.ts';
import { routeWebmail } from './webmail-routes.ts';
import { scamFeed } from './scam-feed.ts';

export interface Harness {
  browser: LaunchedContext;
  context: BrowserContext;
  feeds: TestServer;
  reports: ReportCollector;
  policy: PolicyFile;
  worker(): Promise<Worker>;
  /** The worker's status (feeds, waiting reports), read through its diagnostics hook. */
  status(): Promise<{ feeds: FeedStatus[]; pendingReports: { id: string; attempts: number }[]; reportEndpoint?: string }>;
  waitForFeed(url: string, timeoutMs?: number): Promise<FeedStatus>;
  close(): Promise<void>;
}

export const FEED_A = scamFeed('Test feed A', [
  { number: '+18047134598', brands: ['PayPal'], reports: 12 },
  { block: '+1804713', digits: 4, brands: ['McAfee'] },
]);
export const FEED_B = scamFeed('Test feed B', [{ number: '+18449012377', brands: ['Geek Squad'], reports: 3 }]);

export function basePolicy(feeds: TestServer, reports: ReportCollector, feedPath = '/feed-a.json'): Policy {
  return { feeds: [{ url: feeds.url(feedPath) }], reportEndpoint: reports.url, useBundledFeed: false };
}

export async function startHarness(name: string, options: { args?: string[] } = {}): Promise<Harness> {
  await buildExtension();
  const feeds = await startHttpServer({
    '/feed-a.json': { body: FEED_A, headers: { 'content-type': 'application/json' } },
    '/feed-b.json': { body: FEED_B, headers: { 'content-type': 'application/json' } },
  });
  const reports = await startReportCollector();
  const policy = await managedPolicyFile(name);
  await policy.write(basePolicy(feeds, reports));
  const browser = await launchPersistent({ extensionDir: EXTENSION_DIR, ...(options.args ? { args: options.args } : {}) });
  await routeWebmail(browser.context, FIXTURE_MESSAGES);

  const worker = () => extensionWorker(browser.context);
  const status: Harness['status'] = async () =>
    (await worker()).evaluate(() => (globalThis as unknown as { ringfence: { status(): Promise<never> } }).ringfence.status());
  const harness: Harness = {
    browser,
    context: browser.context,
    feeds,
    reports,
    policy,
    worker,
    status,
    async waitForFeed(url, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = (await status().catch(() => null))?.feeds.find((f) => f.url === url && f.version > 0);
        if (found) return found;
        if (Date.now() > until) throw new Error(`feed ${url} not synced within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async close() {
      await browser.close();
      await policy.remove();
      await Promise.all([feeds.close(), reports.close()]);
    },
  };
  await (await worker()).evaluate(() => (globalThis as unknown as { ringfence: { ready: Promise<unknown> } }).ringfence.ready);
  return harness;
}

export interface Opened {
  /** ms from the message body entering the DOM to the banner, per message id (null: no banner). */
  latency: Record<string, number | null>;
}

/** Reads the fixture's timing records for the given message ids. */
export async function bannerLatency(page: Page, ids: string[]): Promise<Record<string, number | null>> {
  return page.evaluate((list) => {
    const f = (window as unknown as { __fixture: { insertedAt: Record<string, number>; bannerAt: Record<string, number> } }).__fixture;
    return Object.fromEntries(list.map((id) => [id, f.bannerAt[id] !== undefined && f.insertedAt[id] !== undefined ? f.bannerAt[id]! - f.insertedAt[id]! : null]));
  }, ids);
}
