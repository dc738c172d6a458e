// The built extension in real Chromium: messages whose lure is only a picture (a random number on every run)
// get no banner from their text, then a warning banner with the number once the offscreen document has read
// the picture. On the Gmail-shaped page: an inline picture the page loaded from its own origin, and a picture
// attachment the page shows only as a chip (read from "Show original", the same request as the headers). On
// the Outlook-on-the-web-shaped page: an inline picture the page shows from a blob: URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../support/chromium.ts';
import { bannerLatency, startHarness, type Harness } from '../extension/support/harness.ts';
import { WEBMAIL_ORIGINS, WEBMAIL_START } from '../extension/support/webmail-routes.ts';
import { respond, type Webmail } from '../fixtures/webmail/site.ts';
import { FIXTURE_MESSAGES, type FixtureMessage } from '../fixtures/webmail/messages.ts';
import { lurePng, randomUsNumber, type LureNumber } from '../ocr/support/lure-images.ts';
import { EXTENSION_ID } from '../extension/support/extension-under-test.ts';

const INLINE = 'msg-f:1791000000000000990';
const ATTACHED = 'msg-f:1791000000000000991';
const OUTLOOK = 'msg-f:1791000000000000992';
const numbers: Record<string, LureNumber> = { [INLINE]: randomUsNumber(), [ATTACHED]: randomUsNumber(), [OUTLOOK]: randomUsNumber() };
const picture = (id: string) => Buffer.from(lurePng(numbers[id]!));
const inlinePicture = picture(INLINE);

const base = {
  subject: 'Your document',
  from: { name: 'Billing Center', address: 'billing.center.notice@gmail.com' },
  to: { name: 'Alex Morgan', address: 'alex.morgan@example.com' },
  date: 'Mon, 30 Nov 2026 10:00:00 +0000',
  expect: 'warning once the picture is read (brand callback lure in the picture)',
};
const messages: FixtureMessage[] = [
  ...FIXTURE_MESSAGES,
  { ...base, id: INLINE, thread: 'ocr-invoice', html: '<div><img src="/fixture/ocr/invoice.png" alt="invoice.png" width="1008" height="308"></div>' },
  {
    ...base,
    id: ATTACHED,
    thread: 'ocr-attached',
    html: '<div dir="ltr">Hello,<br>your document is attached.</div>',
    attachments: [{ name: 'statement-2291.png', mediaType: 'image/png', base64: picture(ATTACHED).toString('base64') }],
  },
  {
    ...base,
    id: OUTLOOK,
    thread: 'ocr-outlook',
    html: '<div><img src="cid:lure-992@fixture" alt="statement.png" width="1008" height="308"></div>',
    attachments: [{ name: 'statement.png', mediaType: 'image/png', base64: picture(OUTLOOK).toString('base64'), cid: 'lure-992@fixture' }],
  },
];

const gmailBanner = (id: string) => `div.adn.ads[data-message-id="#${id}"] ringfence-banner`;
const outlookBanner = (id: string) => `[data-item-id="AAMk${id.replace('msg-f:', '')}"] ringfence-banner`;
const ALLOWED = /^(chrome-extension:|https:\/\/mail\.google\.com\/|https:\/\/outlook\.office\.com\/|http:\/\/127\.0\.0\.1[:/]|data:|blob:)/;

describe.skipIf(!hasChromium)('extension: OCR in the offscreen document', () => {
  let h: Harness;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    h = await startHarness('ocr');
    // Registered after the harness's routes, so these answer first: the fixture mailboxes with the picture messages.
    for (const webmail of Object.keys(WEBMAIL_ORIGINS) as Webmail[]) {
      await h.context.route(`${WEBMAIL_ORIGINS[webmail]}/**`, (route) => {
        const url = new URL(route.request().url());
        if (url.pathname === '/fixture/ocr/invoice.png') return route.fulfill({ status: 200, contentType: 'image/png', body: inlinePicture });
        const answer = respond(webmail, url, messages);
        return route.fulfill({ status: answer.status, contentType: answer.contentType, body: answer.body });
      });
    }
    h.context.on('request', (request) => requests.push(request.url()));
    page = await h.context.newPage();
  });
  afterAll(async () => {
    await h?.close();
    // Read in the offscreen document (its worker's requests are the extension's own files); nothing went
    // beyond the webmail's origin and the test's loopback servers.
    for (const url of requests) expect(ALLOWED.test(url), url).toBe(true);
  });

  async function expectOcrBanner(banner: string, id: string): Promise<void> {
    await page.locator(banner).waitFor({ timeout: 30_000 });
    const latency = (await bannerLatency(page, [id]))[id];
    console.log(`extension: OCR banner for ${id} ${latency === null ? '?' : Math.round(latency!)} ms after the message entered the page`);
    expect(await page.locator(banner).getAttribute('data-level')).toBe('warning');
    await page.locator(`${banner} section.banner .number[data-e164="${numbers[id]!.e164}"]`).waitFor({ timeout: 5_000 });
  }

  it('Gmail: shows a warning with the number read from an inline picture the page loaded (the text has none)', async () => {
    await page.goto(WEBMAIL_START.gmail);
    await page.click('tr[data-thread="ocr-invoice"]');
    await expectOcrBanner(gmailBanner(INLINE), INLINE);
    const contexts = await (await h.worker()).evaluate(async () => (await chrome.runtime.getContexts({})).map((c) => `${c.contextType} ${c.documentUrl ?? ''}`));
    expect(contexts).toContain(`OFFSCREEN_DOCUMENT chrome-extension://${EXTENSION_ID}/offscreen/offscreen.html`);
  });

  it('Gmail: reads a picture attachment shown only as a chip from "Show original", fetched once for headers and pictures', async () => {
    const originals = () => requests.filter((u) => u.includes('view=om') && u.includes(encodeURIComponent(ATTACHED))).length;
    await page.goto(WEBMAIL_START.gmail.replace('#', '?attached=1#'));
    await page.click('tr[data-thread="ocr-attached"]');
    await page.waitForSelector(`div.adn.ads[data-message-id="#${ATTACHED}"] span.aZo`);
    // The page renders no picture of the attachment: only its chip.
    expect(await page.locator(`div.adn.ads[data-message-id="#${ATTACHED}"] img`).count()).toBe(0);
    await expectOcrBanner(gmailBanner(ATTACHED), ATTACHED);
    expect(originals()).toBe(1);
  });

  it('Outlook on the web: shows a warning with the number read from an inline picture shown from a blob: URL', async () => {
    await page.goto(WEBMAIL_START['outlook-web']);
    await page.click('[role="option"][data-thread="ocr-outlook"]');
    await page.waitForSelector(`[data-item-id="AAMk${OUTLOOK.replace('msg-f:', '')}"] img[src^="blob:"]`);
    await expectOcrBanner(outlookBanner(OUTLOOK), OUTLOOK);
  });
});
