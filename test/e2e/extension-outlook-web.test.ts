// The built extension in real Chromium on an Outlook-on-the-web-shaped page routed at
// https://outlook.office.com, with managed policy naming a feed and a report endpoint on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../support/chromium.ts';
import { bannerLatency, basePolicy, startHarness, type Harness } from '../extension/support/harness.ts';
import { WEBMAIL_START } from '../extension/support/webmail-routes.ts';

const M = (n: number) => `msg-f:179100000000000000${n}`;
const item = (n: number) => `[data-item-id="AAMk179100000000000000${n}"]`;
const banner = (n: number) => `${item(n)} ringfence-banner`;

describe.skipIf(!hasChromium)('extension on Outlook on the web', () => {
  let h: Harness;
  let page: Page;
  let loads = 0;

  beforeAll(async () => {
    h = await startHarness('outlook-web');
    await h.waitForFeed(h.feeds.url('/feed-a.json'));
    page = await h.context.newPage();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function openThread(thread: string): Promise<void> {
    await page.goto(`${WEBMAIL_START['outlook-web']}?load=${++loads}`);
    await page.click(`[role="option"][data-thread="${thread}"]`);
    await page.waitForSelector('div[aria-label="Message body"]');
  }

  it('shows a danger banner within 1 s above the reading pane body, with the number and level', async () => {
    await openThread('invoice');
    await page.locator(banner(1)).waitFor({ timeout: 1_000 });
    expect(await page.locator(banner(1)).getAttribute('data-level')).toBe('danger');
    await expect(page.locator(`${banner(1)} .number`).textContent()).resolves.toBe('+1 804 713 4598');
    const next = await page.evaluate((sel) => document.querySelector(sel)!.nextElementSibling?.getAttribute('aria-label'), banner(1));
    expect(next).toBe('Message body');
    const latency = (await bannerLatency(page, [M(1)]))[M(1)];
    expect(latency).not.toBeNull();
    expect(latency!).toBeLessThan(1_000);
  });

  it('shows no banner for a legitimate message with phone numbers', async () => {
    await openThread('lunch');
    await page.waitForTimeout(1_500);
    expect(await page.locator('ringfence-banner').count()).toBe(0);
  });

  it('gives each message of a conversation its own verdict', async () => {
    await openThread('refund');
    await page.locator(banner(5)).waitFor({ timeout: 1_000 });
    expect(await page.locator(banner(5)).getAttribute('data-level')).toBe('danger');
    await page.waitForTimeout(500);
    expect(await page.locator(banner(4)).count()).toBe(0);
  });

  it('one click on "Report this number" delivers the payload with surface outlook-web', async () => {
    await openThread('invoice');
    await page.locator(`${banner(1)} button.report`).click();
    await expect.poll(() => page.locator(`${banner(1)} .status`).textContent()).toMatch(/^Sent\./);
    const report = await h.reports.waitFor((r) => (r.body.client as { surface: string }).surface === 'outlook-web', 10_000);
    expect(report.body).toMatchObject({
      kind: 'number',
      numbers: ['+18047134598'],
      level: 'danger',
      message: { subject: 'Your PayPal invoice INV-20418 for Norton 360 Deluxe', from: 'service.billing.team84@gmail.com', messageId: '' },
    });
  });

  it('keeps a report while the endpoint is down and delivers it once after the worker was stopped', async () => {
    await h.reports.stop();
    await openThread('geeksquad');
    await page.locator(`${banner(2)} button.report`).click();
    await expect.poll(() => page.locator(`${banner(2)} .status`).textContent()).toBe("Saved; it will be sent when your security team's server answers.");
    await expect.poll(async () => (await h.status()).pendingReports.length, { timeout: 10_000 }).toBe(1);
    const [pending] = (await h.status()).pendingReports;
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await h.reports.start();
    await page.goto(`${WEBMAIL_START['outlook-web']}?load=${++loads}`);
    const report = await h.reports.waitFor((r) => r.body.id === pending!.id, 90_000);
    expect(report.body.numbers).toEqual(['+18449012377']);
    await page.waitForTimeout(3_000);
    expect(h.reports.received.filter((r) => r.body.id === pending!.id)).toHaveLength(1);
  });

  it('applies a changed feed in the policy file without reinstalling, to an open message too', async () => {
    await openThread('geeksquad');
    const host = page.locator(banner(2));
    // The worker was just stopped and restarted by the previous test: allow it to start up.
    await host.waitFor({ timeout: 5_000 });
    expect(await host.getAttribute('data-level')).toBe('warning');
    await h.policy.write(basePolicy(h.feeds, h.reports, '/feed-b.json'));
    await h.waitForFeed(h.feeds.url('/feed-b.json'), 60_000);
    await expect.poll(async () => (await h.status()).feeds.map((f) => f.url), { timeout: 10_000 }).toEqual([h.feeds.url('/feed-b.json')]);
    // The open message is judged again with the new feed, without a reload.
    await expect.poll(() => page.locator(banner(2)).getAttribute('data-level'), { timeout: 10_000 }).toBe('danger');
    await openThread('invoice');
    await page.locator(banner(1)).waitFor({ timeout: 1_000 });
    expect(await page.locator(banner(1)).getAttribute('data-level')).toBe('warning');
  });
});
