// The built extension in real Chromium, on a Gmail-shaped page routed at https://mail.google.com, with
// managed policy from /etc/chromium/policies/managed naming a feed and a report endpoint on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../support/chromium.ts';
import { bannerLatency, basePolicy, startHarness, type Harness } from '../extension/support/harness.ts';
import { WEBMAIL_START } from '../extension/support/webmail-routes.ts';
import { EXTENSION_ID } from '../extension/support/extension-under-test.ts';

const M = (n: number) => `msg-f:179100000000000000${n}`;
const inMessage = (n: number) => `div.adn.ads[data-message-id="#${M(n)}"]`;
const banner = (n: number) => `${inMessage(n)} ringfence-banner`;

describe.skipIf(!hasChromium)('extension on Gmail', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness('gmail');
    await h.waitForFeed(h.feeds.url('/feed-a.json'));
    page = await h.context.newPage();
  });
  afterAll(async () => {
    await h?.close();
  });

  let loads = 0;
  /** A fresh load of the mailbox (a new content script), then a click on the thread. */
  async function openThread(thread: string): Promise<void> {
    await page.goto(WEBMAIL_START.gmail.replace('#', `?load=${++loads}#`));
    await page.click(`tr[data-thread="${thread}"]`);
    await page.waitForSelector('div.adn.ads div.a3s');
  }

  it('policy from the managed policy file reaches the extension', async () => {
    const status = await h.status();
    expect(status.reportEndpoint).toBe(h.reports.url);
    const feed = status.feeds.find((f) => f.url === h.feeds.url('/feed-a.json'));
    expect(feed?.entryCount).toBe(2);
  });

  it('shows a danger banner within 1 s for a number on the feed, with the number and level', async () => {
    await openThread('invoice');
    const host = page.locator(banner(1));
    await host.waitFor({ timeout: 1_000 });
    expect(await host.getAttribute('data-level')).toBe('danger');
    const section = page.locator(`${banner(1)} section.banner`);
    await expect(section.textContent()).resolves.toContain('+1 804 713 4598');
    await expect(section.locator('[data-code="feed-number"]').count()).resolves.toBe(1);
    // The number hidden with display:none in the same message is not one the reader would call.
    await expect(section.locator('.number').allTextContents()).resolves.toEqual(['+1 804 713 4598']);
    const latency = (await bannerLatency(page, [M(1)]))[M(1)];
    expect(latency).not.toBeNull();
    expect(latency!).toBeLessThan(1_000);
  });

  it('sits just above the message body, in an open shadow root', async () => {
    const placement = await page.evaluate((sel) => {
      const host = document.querySelector(sel)!;
      return { next: host.nextElementSibling?.className ?? '', shadow: host.shadowRoot !== null };
    }, banner(1));
    expect(placement.next).toContain('a3s');
    expect(placement.shadow).toBe(true);
  });

  it('shows a warning for a brand callback lure whose number is not on the feed', async () => {
    await openThread('geeksquad');
    const host = page.locator(banner(2));
    await host.waitFor({ timeout: 1_000 });
    expect(await host.getAttribute('data-level')).toBe('warning');
    await expect(page.locator(`${banner(2)} .number`).first().textContent()).resolves.toBe('+1 844 901 2377');
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
    await expect(page.locator(`${banner(5)} .number`).textContent()).resolves.toBe('+1 804 713 4512');
    await page.waitForTimeout(500);
    expect(await page.locator(banner(4)).count()).toBe(0);
  });

  it('reads headers from Gmail\'s "Show original" so SaaS rules see an authentic GitHub notification', async () => {
    const originals: string[] = [];
    page.on('request', (r) => void (r.url().includes('view=om') && originals.push(r.url())));
    await openThread('github');
    const host = page.locator(banner(6));
    await host.waitFor({ timeout: 1_000 });
    // Judged first on the page's text, then again with the headers (DKIM pass for github.com): danger.
    await expect.poll(() => host.getAttribute('data-level'), { timeout: 5_000 }).toBe('danger');
    await expect(page.locator(`${banner(6)} [data-code="saas-untrusted-instance"]`).count()).resolves.toBe(1);
    expect(originals.some((u) => u.includes('ik=9fa3c1e7b2') && u.includes(encodeURIComponent(M(6))))).toBe(true);
  });

  it('options page shows feed status, every policy-set key with its value (read-only), checks numbers and merges on Save', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options/options.html`);
    await expect.poll(() => options.locator('.feeds').textContent(), { timeout: 10_000 }).toContain('2 numbers');
    // The admin's feed, report endpoint and useBundledFeed, each shown with its value and read-only.
    await expect.poll(() => options.locator('#managed-feeds').inputValue()).toBe(h.feeds.url('/feed-a.json'));
    expect(await options.locator('#managed-feeds').getAttribute('readonly')).not.toBeNull();
    expect(await options.locator('#managed-reportEndpoint').inputValue()).toBe(h.reports.url);
    expect(await options.locator('#managed-useBundledFeed').inputValue()).toBe('No');
    expect(await options.locator('.managed-setting').first().innerText()).toContain('Set by your organisation');
    expect(await options.locator('#feeds').count()).toBe(0);
    // A value stored elsewhere survives Save.
    await (await h.worker()).evaluate(() => chrome.storage.local.set({ userOptions: { defaultRegion: 'GB' } }));
    await options.fill('#trusted', 'call me on 0800 123\n');
    await options.click('button[type="submit"]');
    await expect.poll(() => options.locator('.save-note').textContent()).toBe('Not saved: correct the fields marked below.');
    expect(await options.locator('#trusted-problems').innerText()).toContain('Line 1: “call me on 0800 123” is not a phone number.');
    expect(await options.locator('#trusted').getAttribute('aria-invalid')).toBe('true');
    await options.fill('#trusted', '+1 800 555 0100\n');
    await options.click('button[type="submit"]');
    await expect.poll(() => options.locator('.save-note').textContent()).toBe('Saved.');
    const stored = await (await h.worker()).evaluate(() => chrome.storage.local.get('userOptions'));
    expect(stored.userOptions).toEqual({ defaultRegion: 'GB', trustedNumbers: ['+18005550100'] });
    await (await h.worker()).evaluate(() => chrome.storage.local.set({ userOptions: { trustedNumbers: ['+18005550100'] } }));
    await options.close();
  });

  it('keeps a malformed managed key locked and says so in the popup and the options page', async () => {
    // Chromium itself drops values that do not fit managed_schema.json (a string for a list); a negative
    // number of days fits the schema's "integer" and reaches the extension, which refuses it.
    await h.policy.write({ ...basePolicy(h.feeds, h.reports), feedTtlDays: -3 });
    const popup = await h.context.newPage();
    try {
      await expect
        .poll(
          async () => {
            await popup.goto(`chrome-extension://${EXTENSION_ID}/popup/popup.html`);
            return (await popup.locator('.status .error').allTextContents()).join(' ');
          },
          { timeout: 20_000, interval: 1_000 },
        )
        // The setting in plain words for the reader; the checker's line only as the technical detail.
        .toMatch(/“Days a scam report stays current” was not used: its value must be a number greater than 0\. Technical detail: feedTtlDays: expected a positive number/);
      const options = await h.context.newPage();
      await options.goto(`chrome-extension://${EXTENSION_ID}/options/options.html`);
      await expect.poll(() => options.locator('.status .error').textContent()).toMatch(/feedTtlDays/);
      await options.close();
    } finally {
      await h.policy.write(basePolicy(h.feeds, h.reports));
      await expect
        .poll(
          async () => {
            await popup.goto(`chrome-extension://${EXTENSION_ID}/popup/popup.html`);
            await popup.locator('.pending').waitFor();
            return popup.locator('.status .error').count();
          },
          { timeout: 20_000, interval: 1_000 },
        )
        .toBe(0);
      await popup.close();
    }
  });

  it('judges a message that is already in a plain Gmail-shaped page when it loads', async () => {
    const plain = await h.context.newPage();
    await plain.route('https://mail.google.com/mail/u/1/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Gmail</title><div role="main"><h2 class="hP">Norton renewal</h2>
          <div class="adn ads" data-message-id="#msg-f:42"><span class="gD" email="norton.billing@mailhub.example" name="Norton">Norton</span>
          <div class="ii gt"><div class="a3s aiL">Your Norton LifeLock subscription renewed for $399.99. To cancel, call
          1-804-713-4598 now.</div></div></div></div>`,
      }),
    );
    await plain.goto('https://mail.google.com/mail/u/1/#inbox/42');
    const host = plain.locator('[data-message-id="#msg-f:42"] ringfence-banner');
    await host.waitFor({ timeout: 3_000 });
    expect(await host.getAttribute('data-level')).toBe('danger');
    await plain.close();
  });

  it('is not blinded by padding: 20,001 <wbr>, a hidden div of 20,001 <p> and 200,001 spaces before a feed number', async () => {
    const padded = await h.context.newPage();
    const padding = `${'<wbr>'.repeat(20_001)}<div style="display:none">${'<p>x</p>'.repeat(20_001)}</div>${' '.repeat(200_001)}`;
    await padded.route('https://mail.google.com/mail/u/2/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Gmail</title><div role="main"><h2 class="hP">Account notice</h2>
          <div class="adn ads" data-message-id="#msg-f:43"><span class="gD" email="billing@mailhub.example" name="Billing">Billing</span>
          <div class="ii gt"><div class="a3s aiL">${padding}<p>Questions about this charge? Call 1-804-713-4598.</p></div></div></div></div>`,
      }),
    );
    await padded.goto('https://mail.google.com/mail/u/2/#inbox/43');
    const host = padded.locator('[data-message-id="#msg-f:43"] ringfence-banner');
    await host.waitFor({ timeout: 10_000 });
    expect(await host.getAttribute('data-level')).toBe('danger');
    await expect(padded.locator('[data-message-id="#msg-f:43"] ringfence-banner [data-code="feed-number"]').count()).resolves.toBe(1);
    await padded.close();
  });

  it('reads the sender from "Show original" through postal-mime in the worker: an address-shaped name stays a name', async () => {
    const spoofed = await h.context.newPage();
    let originals = 0;
    await spoofed.route('https://mail.google.com/mail/u/3/**', (route) => {
      const url = new URL(route.request().url());
      if (url.searchParams.get('view') === 'om') {
        originals++;
        const raw = ['From: "noreply@github.com" <attacker@evil.example>', 'Reply-To: noreply@github.com <attacker@evil.example>',
          'Subject: [acme/app] Invoice', 'Message-ID: <spoof-44@evil.example>', '', 'body'].join('\r\n');
        return route.fulfill({ contentType: 'text/html', body: `<pre id="raw_message_text">${raw.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>` });
      }
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Gmail</title><div role="main"><h2 class="hP">[acme/app] Invoice</h2>
          <div class="adn ads" data-message-id="#msg-f:44"><div class="ii gt"><div class="a3s aiL">Your PayPal invoice is due.
          To cancel call 1-804-713-4598.</div></div></div></div>`,
      });
    });
    await spoofed.goto('https://mail.google.com/mail/u/3/#inbox/44');
    const sel = '[data-message-id="#msg-f:44"] ringfence-banner';
    await spoofed.locator(sel).waitFor({ timeout: 5_000 });
    await expect.poll(() => originals, { timeout: 5_000 }).toBeGreaterThan(0);
    await spoofed.waitForTimeout(1_000);
    await spoofed.locator(`${sel} button.report-message`).click();
    const report = await h.reports.waitFor((r) => (r.body.message as { messageId?: string }).messageId === '<spoof-44@evil.example>', 10_000);
    expect((report.body.message as { from: string }).from).toBe('attacker@evil.example');
    // The later tests count "message" reports: this one is not theirs.
    h.reports.received.splice(h.reports.received.indexOf(report), 1);
    await spoofed.close();
  });

  it('renders mail text as text, expands details, dismisses to a chip and shows again by keyboard', async () => {
    await openThread('invoice');
    const toggle = page.locator(`${banner(1)} button.details-toggle`);
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect(page.locator(`${banner(1)} .details`).textContent()).resolves.toContain('+1 804 713 4598');
    await expect(page.locator(`${banner(1)} .details`).textContent()).resolves.toContain('feed-number');
    await page.locator(`${banner(1)} button.dismiss`).focus();
    await page.keyboard.press('Enter');
    await page.locator(`${banner(1)} .chip`).waitFor();
    expect(await page.locator(`${banner(1)} .chip`).innerText()).toMatch(/Ringfence warning hidden\s*·\s*Show/);
    // Focus goes to the message the banner sits above, not to the top of the page.
    expect(await page.evaluate(() => document.activeElement?.previousElementSibling?.tagName)).toBe('RINGFENCE-BANNER');
    // Opened again (back to the inbox, the same thread again): still the chip, and Show brings the banner back.
    await page.evaluate(() => (location.hash = '#inbox'));
    await page.click('tr[data-thread="invoice"]');
    await page.waitForSelector('div.adn.ads div.a3s');
    await page.locator(`${banner(1)} .chip`).waitFor();
    // After a page reload (a new content script, Gmail reloads often) the message opened again is still the chip.
    await openThread('invoice');
    await page.locator(`${banner(1)} .chip`).waitFor();
    expect(await page.locator(`${banner(1)} button.dismiss`).count()).toBe(0);
    await page.locator(`${banner(1)} button.show`).focus();
    await page.keyboard.press('Enter');
    await page.locator(`${banner(1)} .number-line`).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('RINGFENCE-BANNER');
    // Shown again, it stays shown after the next reload.
    await openThread('invoice');
    await page.locator(`${banner(1)} .number-line`).waitFor();
    expect(await page.locator(`${banner(1)} .chip`).count()).toBe(0);
  });

  it('one click on "Report this number" delivers the DESIGN.md payload, once', async () => {
    await openThread('invoice');
    const button = page.locator(`${banner(1)} button.report`);
    await button.click();
    await expect.poll(() => page.locator(`${banner(1)} .status`).textContent()).toMatch(/^Sent\./);
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    const report = await h.reports.waitFor((r) => (r.body.numbers as string[]).includes('+18047134598'), 10_000);
    expect(Object.keys(report.body).sort()).toEqual(['brands', 'client', 'id', 'kind', 'level', 'message', 'numbers', 'reasons', 'reportedAt']);
    expect(report.body).toMatchObject({
      kind: 'number',
      numbers: ['+18047134598'],
      level: 'danger',
      message: { subject: 'Your PayPal invoice INV-20418 for Norton 360 Deluxe', from: 'service.billing.team84@gmail.com' },
      client: { surface: 'gmail', version: '0.1.0' },
    });
    expect(report.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(report.body.reasons).toContain('feed-number');
    expect((report.body.message as { messageId: string }).messageId).toBe('<1791000000000000001@mail.example.net>');
    expect(new Date(report.body.reportedAt as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
    await page.waitForTimeout(1_000);
    expect(h.reports.received.filter((r) => r.body.id === report.body.id)).toHaveLength(1);
  });

  it('one click on "Report message" delivers one kind "message" payload with the DESIGN.md fields only', async () => {
    await openThread('invoice');
    const button = page.locator(`${banner(1)} button.report-message`);
    await expect(button.textContent()).resolves.toBe('Report message');
    await button.click();
    await expect.poll(() => page.locator(`${banner(1)} .status`).textContent()).toMatch(/^Sent\./);
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    // "Report this number" is a separate action, still offered.
    expect(await page.locator(`${banner(1)} button.report`).getAttribute('aria-disabled')).toBeNull();
    const report = await h.reports.waitFor((r) => r.body.kind === 'message', 10_000);
    expect(Object.keys(report.body).sort()).toEqual(['brands', 'client', 'id', 'kind', 'level', 'message', 'numbers', 'reasons', 'reportedAt']);
    expect(report.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      kind: 'message',
      reportedAt: expect.any(String),
      numbers: ['+18047134598'],
      brands: expect.arrayContaining(['PayPal']),
      level: 'danger',
      reasons: expect.arrayContaining(['feed-number']),
      message: {
        subject: 'Your PayPal invoice INV-20418 for Norton 360 Deluxe',
        from: 'service.billing.team84@gmail.com',
        date: '2026-03-03T14:41:00.000Z',
        messageId: '<1791000000000000001@mail.example.net>',
      },
      client: { surface: 'gmail', version: '0.1.0' },
    });
    expect(report.headers['idempotency-key']).toBe(report.body.id);
    expect(new Date(report.body.reportedAt as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // Codes only: no body text, no plain-language reasons, no recipient.
    const sent = JSON.stringify(report.body);
    for (const text of ['Dear Customer', '499.99', 'alex.morgan', 'PayPal Billing Team', '18889990000']) expect(sent).not.toContain(text);
    await page.waitForTimeout(1_000);
    expect(h.reports.received.filter((r) => r.body.kind === 'message')).toHaveLength(1);
  });

  it('keeps a report while the endpoint is down and delivers it once after the worker was stopped', async () => {
    await h.reports.stop();
    await openThread('geeksquad');
    await page.locator(`${banner(2)} button.report`).click();
    // Queued, not delivered: the status line says so instead of thanking for a report that has not arrived.
    await expect.poll(() => page.locator(`${banner(2)} .status`).textContent()).toBe("Saved; it will be sent when your security team's server answers.");
    await expect.poll(async () => (await h.status()).pendingReports.length, { timeout: 10_000 }).toBe(1);
    const [pending] = (await h.status()).pendingReports;
    expect(pending!.attempts).toBeGreaterThanOrEqual(1);
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup/popup.html`);
    await expect.poll(() => popup.locator('.pending').textContent()).toBe('1 report waiting to be sent');
    await expect(popup.locator('.reports').textContent()).resolves.toContain('+18449012377');
    await popup.close();

    const cdp = await h.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await h.reports.start();

    // The worker wakes (alarm, or the next webmail page) and sends what waits in IndexedDB.
    await page.goto(WEBMAIL_START.gmail);
    const report = await h.reports.waitFor((r) => r.body.id === pending!.id, 90_000);
    expect(report.body.numbers).toEqual(['+18449012377']);
    await page.waitForTimeout(3_000);
    expect(h.reports.received.filter((r) => r.body.id === pending!.id)).toHaveLength(1);
    await expect.poll(async () => (await h.status()).pendingReports.length).toBe(0);
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
