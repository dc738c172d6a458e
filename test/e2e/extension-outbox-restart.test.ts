// A report queued while the endpoint is down survives closing the browser: the next browser start (same
// profile) delivers it, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { rm } from 'node:fs/promises';
import { CHROMIUM_PATH, hasChromium, launchPersistent } from '../support/chromium.ts';
import { startHttpServer, type TestServer } from '../support/http-server.ts';
import { FIXTURE_MESSAGES } from '../fixtures/webmail/messages.ts';
import { buildExtension, EXTENSION_DIR, extensionWorker } from '../extension/support/extension-under-test.ts';
import { managedPolicyFile, type PolicyFile } from '../extension/support/managed-policy.ts';
import { startReportCollector, type ReportCollector } from '../extension/support/report-collector.ts';
import { routeWebmail } from '../extension/support/webmail-routes.ts';
import { FEED_A } from '../extension/support/harness.ts';

describe.skipIf(!hasChromium)('report outbox across a browser restart', () => {
  let feeds: TestServer;
  let reports: ReportCollector;
  let policy: PolicyFile;
  let profile = '';

  beforeAll(async () => {
    await buildExtension();
    feeds = await startHttpServer({ '/feed-a.json': { body: FEED_A, headers: { 'content-type': 'application/json' } } });
    reports = await startReportCollector();
    policy = await managedPolicyFile('outbox-restart');
    await policy.write({ feeds: [{ url: feeds.url('/feed-a.json') }], reportEndpoint: reports.url, useBundledFeed: false });
  });
  afterAll(async () => {
    await policy?.remove();
    await Promise.all([feeds?.close(), reports?.close()]);
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('delivers after the browser is started again with the same profile, once', async () => {
    await reports.stop();
    const first = await launchPersistent({ extensionDir: EXTENSION_DIR });
    profile = first.userDataDir;
    await routeWebmail(first.context, FIXTURE_MESSAGES);
    const worker = await extensionWorker(first.context);
    await worker.evaluate(() => (globalThis as unknown as { ringfence: { ready: Promise<unknown> } }).ringfence.ready);
    const page = await first.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/invoice');
    const button = page.locator('div.adn.ads ringfence-banner button.report');
    await button.click({ timeout: 10_000 });
    await expect.poll(() => page.locator('div.adn.ads ringfence-banner .status').textContent()).toMatch(/^(Sent\.|Saved; it will be sent)/);
    const pendingId = await worker.evaluate(async () => {
      const status = await (globalThis as unknown as { ringfence: { status(): Promise<{ pendingReports: { id: string }[] }> } }).ringfence.status();
      return status.pendingReports.map((r) => r.id);
    });
    expect(pendingId).toHaveLength(1);
    // Close the browser but keep its profile (launchPersistent's close() would delete it).
    await first.context.close();

    await reports.start();
    const second = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: false,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
      ignoreDefaultArgs: ['--disable-extensions', '--headless'],
    });
    try {
      await routeWebmail(second, FIXTURE_MESSAGES);
      const report = await reports.waitFor((r) => r.body.id === pendingId[0], 90_000);
      expect(report.body).toMatchObject({ numbers: ['+18047134598'], level: 'danger', client: { surface: 'gmail' } });
      await new Promise((r) => setTimeout(r, 3_000));
      expect(reports.received.filter((r) => r.body.id === pendingId[0])).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
