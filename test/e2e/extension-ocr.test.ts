// The built extension in real Chromium on the Gmail-shaped page: a message whose lure is only an inline picture
// (random number on every run) gets no banner from its text, then a warning banner with the number once the
// offscreen document has read the picture. The picture is one the page loaded from its own origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../support/chromium.ts';
import { startHarness, type Harness } from '../extension/support/harness.ts';
import { WEBMAIL_ORIGINS, WEBMAIL_START } from '../extension/support/webmail-routes.ts';
import { respond } from '../fixtures/webmail/site.ts';
import { FIXTURE_MESSAGES, type FixtureMessage } from '../fixtures/webmail/messages.ts';
import { lurePng, randomUsNumber } from '../ocr/support/lure-images.ts';
import { EXTENSION_ID } from '../extension/support/extension-under-test.ts';

const ID = 'msg-f:1791000000000000990';
const number = randomUsNumber();
const picture = Buffer.from(lurePng(number));
const imageOnly: FixtureMessage = {
  id: ID,
  thread: 'ocr-invoice',
  subject: 'Your document',
  from: { name: 'Billing Center', address: 'billing.center.notice@gmail.com' },
  to: { name: 'Alex Morgan', address: 'alex.morgan@example.com' },
  date: 'Mon, 30 Nov 2026 10:00:00 +0000',
  html: '<div><img src="/fixture/ocr/invoice.png" alt="invoice.png" width="1008" height="308"></div>',
  expect: 'warning once the picture is read (brand callback lure in the picture)',
};
const banner = `div.adn.ads[data-message-id="#${ID}"] ringfence-banner`;

describe.skipIf(!hasChromium)('extension on Gmail: OCR in the offscreen document', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness('ocr');
    // Registered after the harness's routes, so these answer first: the fixture mailbox with one more message.
    await h.context.route(`${WEBMAIL_ORIGINS.gmail}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/fixture/ocr/invoice.png') return route.fulfill({ status: 200, contentType: 'image/png', body: picture });
      const answer = respond('gmail', url, [...FIXTURE_MESSAGES, imageOnly]);
      return route.fulfill({ status: answer.status, contentType: answer.contentType, body: answer.body });
    });
    page = await h.context.newPage();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows a warning with the number read from the inline picture (the text around it has none)', async () => {
    const requests: string[] = [];
    h.context.on('request', (request) => requests.push(request.url()));
    await page.goto(WEBMAIL_START.gmail);
    await page.click('tr[data-thread="ocr-invoice"]');
    await page.waitForSelector(`div.adn.ads[data-message-id="#${ID}"] div.a3s img`);
    const opened = Date.now();
    await page.locator(banner).waitFor({ timeout: 30_000 });
    const latency = Date.now() - opened;
    console.log(`extension: OCR banner ${latency} ms after the message opened`);
    expect(await page.locator(banner).getAttribute('data-level')).toBe('warning');
    await page.locator(`${banner} section.banner .number[data-e164="${number.e164}"]`).waitFor({ timeout: 5_000 });
    // Read in the offscreen document (its worker's requests are the extension's own files); the page itself
    // fetched nothing beyond the webmail's origin and the test's loopback servers.
    const contexts = await (await h.worker()).evaluate(async () => (await chrome.runtime.getContexts({})).map((c) => `${c.contextType} ${c.documentUrl ?? ''}`));
    expect(contexts).toContain(`OFFSCREEN_DOCUMENT chrome-extension://${EXTENSION_ID}/offscreen/offscreen.html`);
    for (const url of requests) expect(/^(chrome-extension:|https:\/\/mail\.google\.com\/|http:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(url), url).toBe(true);
  });
});
