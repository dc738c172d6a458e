// The built Firefox extension (dist/extension-firefox) in real Firefox ESR, over WebDriver BiDi: managed
// policy from Firefox's enterprise policies names a feed and a report endpoint on 127.0.0.1; the Gmail- and
// Outlook-shaped fixtures are served over https at mail.google.com and outlook.office.com (resolved to 127.0.0.1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { startHttpServer, type TestServer } from '../support/http-server.ts';
import { FIXTURE_MESSAGES } from '../fixtures/webmail/messages.ts';
import { buildExtension, REPO } from '../extension/support/extension-under-test.ts';
import { startReportCollector, type ReportCollector } from '../extension/support/report-collector.ts';
import { FEED_A } from '../extension/support/harness.ts';
import { FIREFOX_PATH, firefoxPolicyFile, hasFirefox, launchFirefox, startWebmailServer, type FirefoxPolicy, type LaunchedFirefox, type WebmailServer } from '../extension/support/firefox.ts';

const FIREFOX_EXTENSION_DIR = resolve(REPO, 'dist/extension-firefox');
const M = (n: number) => `msg-f:179100000000000000${n}`;
const banner = (n: number) => `div.adn.ads[data-message-id="#${M(n)}"] ringfence-banner`;

if (!hasFirefox) {
  console.warn(`\n*** SKIPPED: Firefox e2e — ${FIREFOX_PATH} not found. Install it with: apt-get install -y firefox-esr (.ci/run does). ***\n`);
}

describe.skipIf(!hasFirefox)('Firefox extension on Gmail', () => {
  let feeds: TestServer;
  let reports: ReportCollector;
  let webmail: WebmailServer;
  let policy: FirefoxPolicy;
  let firefox: LaunchedFirefox;
  let page: Page;

  beforeAll(async () => {
    await buildExtension();
    feeds = await startHttpServer({ '/feed-a.json': { body: FEED_A, headers: { 'content-type': 'application/json' } } });
    reports = await startReportCollector();
    webmail = await startWebmailServer(FIXTURE_MESSAGES);
    policy = await firefoxPolicyFile();
    await policy.write({ feeds: [{ url: feeds.url('/feed-a.json') }], reportEndpoint: reports.url, useBundledFeed: false });
    firefox = await launchFirefox();
    await firefox.browser.installExtension(FIREFOX_EXTENSION_DIR);
    page = await firefox.browser.newPage();
  });
  afterAll(async () => {
    await firefox?.close();
    await policy?.remove();
    await Promise.all([feeds?.close(), reports?.close(), webmail?.close()]);
  });

  let loads = 0;
  async function openThread(thread: string): Promise<void> {
    await page.goto(`${webmail.origin('gmail')}/mail/u/0/?load=${++loads}#inbox`);
    await page.click(`tr[data-thread="${thread}"]`);
    await page.waitForSelector('div.adn.ads div.a3s');
  }

  async function levelOf(selector: string, timeout: number): Promise<string | null> {
    const host = await page.waitForSelector(selector, { timeout }).catch(() => null);
    return host ? host.evaluate((el) => el.getAttribute('data-level')) : null;
  }

  it('shows a danger banner for a number on the managed policy\'s feed', async () => {
    // The feed is fetched when the extension starts: until then the message is judged on its lure alone.
    const until = Date.now() + 60_000;
    let level: string | null = null;
    while (Date.now() < until) {
      await openThread('invoice');
      level = await levelOf(banner(1), 10_000);
      if (level === 'danger') break;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    expect(level).toBe('danger');
    expect(feeds.requestsTo('/feed-a.json').length).toBeGreaterThan(0);
    const text = await page.$eval(banner(1), (el) => el.shadowRoot?.textContent ?? '');
    expect(text).toContain('+1 804 713 4598');
    // The banner's words come through Firefox's browser.i18n from _locales (not bundled into the content script).
    expect(text).toContain('Scam alert: do not call');
    expect(text).toContain('Details');
  });

  it('shows no banner for a legitimate message', async () => {
    await openThread('lunch');
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await page.$$eval('ringfence-banner', (els) => els.length)).toBe(0);
  });

  it('shows the danger banner on an Outlook-on-the-web page too', async () => {
    await page.goto(`${webmail.origin('outlook-web')}/mail/?load=${++loads}`);
    await page.click('[role="option"][data-thread="invoice"]');
    const host = '[data-item-id="AAMk1791000000000000001"] ringfence-banner';
    expect(await levelOf(host, 10_000)).toBe('danger');
  });

  it('delivers a report to the collector on 127.0.0.1', async () => {
    await openThread('invoice');
    await page.waitForSelector(banner(1));
    await page.click(`${banner(1)} >>> button.report`);
    const report = await reports.waitFor((r) => (r.body.numbers as string[]).includes('+18047134598'), 20_000);
    expect(report.body).toMatchObject({ kind: 'number', level: 'danger', client: { surface: 'gmail' } });
    expect(report.headers['idempotency-key']).toBe(report.body.id);
  });
});
