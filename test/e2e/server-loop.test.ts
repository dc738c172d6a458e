// The loop closed end to end in real Chromium: user A's extension reports a number to `ringfence serve`, the
// admin confirms it through the API, and user B's extension (another profile, the same managed policy pinning
// the server's key) syncs the signed feed and shows danger with feed-number on a different message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Worker } from 'playwright-core';
import { rmSync } from 'node:fs';
import { hasChromium, launchPersistent, type LaunchedContext } from '../support/chromium.ts';
import { FIXTURE_MESSAGES } from '../fixtures/webmail/messages.ts';
import { buildExtension, EXTENSION_DIR, extensionWorker } from '../extension/support/extension-under-test.ts';
import { managedPolicyFile, type PolicyFile } from '../extension/support/managed-policy.ts';
import { routeWebmail, WEBMAIL_START } from '../extension/support/webmail-routes.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';
import { silentLogger } from '../../server/ops/log.ts';
import { freshPgliteDir } from '../server/support/pglite-dir.ts';
import type { FeedStatus } from '../../shared/feed/types.ts';

const ADMIN = { authorization: 'Bearer e2e-admin', 'content-type': 'application/json' };
const REPORT_TOKEN = 'e2e-report-token';
const REPORTED = '+18449012377';

describe.skipIf(!hasChromium)('report → review → signed feed, through ringfence serve', () => {
  let server: RunningServer;
  let dataDir = '';
  let policy: PolicyFile;
  const browsers: LaunchedContext[] = [];

  beforeAll(async () => {
    await buildExtension();
    dataDir = await freshPgliteDir();
    server = await startServer({ log: silentLogger, config: { port: 0, host: '127.0.0.1', dataDir, adminToken: 'e2e-admin', reportToken: REPORT_TOKEN } });
    const snippet = (await (await fetch(`${server.url}/api/admin/policy`, { headers: ADMIN })).json()) as Record<string, unknown>;
    expect(snippet.reportToken).toBe(REPORT_TOKEN);
    policy = await managedPolicyFile('server-loop');
    await policy.write({ ...snippet, useBundledFeed: false });
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await policy?.remove();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function profile(): Promise<{ context: BrowserContext; worker: Worker }> {
    const browser = await launchPersistent({ extensionDir: EXTENSION_DIR });
    browsers.push(browser);
    await routeWebmail(browser.context, FIXTURE_MESSAGES);
    const worker = await extensionWorker(browser.context);
    await worker.evaluate(() => (globalThis as unknown as { ringfence: { ready: Promise<unknown> } }).ringfence.ready);
    return { context: browser.context, worker };
  }
  const feedStatus = (worker: Worker) =>
    worker.evaluate(async () => (await (globalThis as unknown as { ringfence: { status(): Promise<{ feeds: FeedStatus[] }> } }).ringfence.status()).feeds);

  it('closes the loop: A reports, the admin confirms, B is warned on another message', async () => {
    // User A: a brand callback lure whose number is on no feed yet (warning), reported with one click.
    const a = await profile();
    const page = await a.context.newPage();
    await page.goto(WEBMAIL_START.gmail);
    await page.click('tr[data-thread="geeksquad"]');
    const bannerA = page.locator('div.adn.ads[data-message-id="#msg-f:1791000000000000002"] ringfence-banner');
    await bannerA.waitFor({ timeout: 10_000 });
    expect(await bannerA.getAttribute('data-level')).toBe('warning');
    await bannerA.locator('button.report').click();
    await expect.poll(async () => (await server.db.query('SELECT report_id FROM report_numbers WHERE e164 = $1', [REPORTED])).length, { timeout: 30_000 }).toBe(1);
    const stored = await server.db.query<{ payload: { client: { surface: string }; level: string } }>('SELECT payload FROM reports');
    expect(stored[0]!.payload).toMatchObject({ client: { surface: 'gmail' }, level: 'warning' });

    // The admin sees it in the queue and confirms it.
    const queue = (await (await fetch(`${server.url}/api/admin/queue`, { headers: ADMIN })).json()) as { numbers: { e164: string; reports: number; status: string; brands: string[] }[] };
    expect(queue.numbers).toEqual([expect.objectContaining({ e164: REPORTED, reports: 1, status: 'new', brands: ['Geek Squad'] })]);
    const decided = await fetch(`${server.url}/api/admin/decisions`, { method: 'POST', headers: ADMIN, body: JSON.stringify({ number: REPORTED, verdict: 'scam', note: 'Geek Squad renewal lure' }) });
    expect(decided.status).toBe(201);

    // User B: another profile, same policy; the signed feed syncs (the pinned key checked) and the number is danger.
    const b = await profile();
    const feedUrl = `${server.url}/feed.json`;
    await expect.poll(async () => (await feedStatus(b.worker)).find((f) => f.url === feedUrl && f.version > 0)?.entryCount, { timeout: 30_000 }).toBe(1);
    const synced = (await feedStatus(b.worker)).find((f) => f.url === feedUrl)!;
    expect(synced.keyFingerprint).toBeTruthy();
    expect(synced.lastError).toBeUndefined();

    const other = await b.context.newPage();
    await other.route('https://mail.google.com/mail/u/3/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Gmail</title><div role="main"><h2 class="hP">Your order has shipped</h2>
          <div class="adn ads" data-message-id="#msg-f:77"><span class="gD" email="orders@shop-notify.example" name="Orders">Orders</span>
          <div class="ii gt"><div class="a3s aiL">Questions about order 4471? Our desk is open 8 to 8 on 844-901-2377.</div></div></div></div>`,
      }),
    );
    await other.goto('https://mail.google.com/mail/u/3/#inbox/77');
    const bannerB = other.locator('[data-message-id="#msg-f:77"] ringfence-banner');
    await bannerB.waitFor({ timeout: 10_000 });
    expect(await bannerB.getAttribute('data-level')).toBe('danger');
    await expect(other.locator('[data-message-id="#msg-f:77"] ringfence-banner [data-code="feed-number"]').count()).resolves.toBe(1);
  });
});
