// The built Firefox extension (dist/extension-firefox) in Firefox ESR over WebDriver BiDi: OCR runs in the
// background page (an event page with a DOM; no offscreen API), in the OCR document it loads in an iframe, whose
// web worker, core and model are the extension's own files. Pictures carry a random number on every run.
// Gmail-shaped page: a message whose text names brands and a bill and asks the reader to phone, with the number
// only in an inline picture: the text verdict (caution, no number) first, then the warning with the number.
// Also a picture attachment shown only as a chip (read from "Show original") and, on the Outlook-shaped page,
// an inline picture shown from a blob: URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { FIXTURE_MESSAGES, type FixtureMessage } from '../fixtures/webmail/messages.ts';
import { buildExtension, REPO } from '../extension/support/extension-under-test.ts';
import { FIREFOX_PATH, hasFirefox, launchFirefox, startWebmailServer, type LaunchedFirefox, type WebmailServer } from '../extension/support/firefox.ts';
import { lurePng, randomUsNumber, type LureNumber } from '../ocr/support/lure-images.ts';
import { watchBanner, type BannerStep } from './support/banner-steps.ts';

const FIREFOX_EXTENSION_DIR = resolve(REPO, 'dist/extension-firefox');
const INLINE = 'msg-f:1791000000000000995';
const ATTACHED = 'msg-f:1791000000000000996';
const OUTLOOK = 'msg-f:1791000000000000997';
const numbers: Record<string, LureNumber> = { [INLINE]: randomUsNumber(), [ATTACHED]: randomUsNumber(), [OUTLOOK]: randomUsNumber() };
const picture = (id: string) => Buffer.from(lurePng(numbers[id]!));

const base = {
  subject: 'Your document',
  from: { name: 'Billing Center', address: 'billing.center.notice@gmail.com' },
  to: { name: 'Alex Morgan', address: 'alex.morgan@example.com' },
  date: 'Mon, 30 Nov 2026 10:00:00 +0000',
};
const messages: FixtureMessage[] = [
  ...FIXTURE_MESSAGES,
  {
    ...base,
    id: INLINE,
    thread: 'ocr-invoice',
    html:
      '<div><p>Your PayPal invoice for the Norton 360 renewal is below. If you did not authorize this charge, call our ' +
      'billing department at the number shown in the invoice below.</p>' +
      '<img src="/fixture/ocr/invoice.png" alt="invoice.png" width="1008" height="308"></div>',
    expect: 'caution from the text (no number), then warning with the number read from the picture',
  },
  {
    ...base,
    id: ATTACHED,
    thread: 'ocr-attached',
    html: '<div dir="ltr">Hello,<br>your document is attached.</div>',
    attachments: [{ name: 'statement-2291.png', mediaType: 'image/png', base64: picture(ATTACHED).toString('base64') }],
    expect: 'warning once the attached picture is read',
  },
  {
    ...base,
    id: OUTLOOK,
    thread: 'ocr-outlook',
    html: '<div><img src="cid:lure-997@fixture" alt="statement.png" width="1008" height="308"></div>',
    attachments: [{ name: 'statement.png', mediaType: 'image/png', base64: picture(OUTLOOK).toString('base64'), cid: 'lure-997@fixture' }],
    expect: 'warning once the inline picture is read',
  },
];

const gmailMessage = (id: string) => `div.adn.ads[data-message-id="#${id}"]`;
const outlookMessage = (id: string) => `[data-item-id="AAMk${id.replace('msg-f:', '')}"]`;

if (!hasFirefox) {
  console.warn(`\n*** SKIPPED: Firefox OCR e2e — ${FIREFOX_PATH} not found. Install it with: apt-get install -y firefox-esr (.ci/run does). ***\n`);
}

describe.skipIf(!hasFirefox)('Firefox extension: OCR in the background page', () => {
  let webmail: WebmailServer;
  let firefox: LaunchedFirefox;
  let page: Page;
  let loads = 0;

  beforeAll(async () => {
    await buildExtension();
    webmail = await startWebmailServer(messages, { '/fixture/ocr/invoice.png': { contentType: 'image/png', body: picture(INLINE) } });
    firefox = await launchFirefox();
    await firefox.browser.installExtension(FIREFOX_EXTENSION_DIR);
    page = await firefox.browser.newPage();
  });
  afterAll(async () => {
    await firefox?.close();
    await webmail?.close();
  });

  /** Opens a message and returns the banner's states until it shows the message's number (from OCR). */
  async function openAndRead(start: string, row: string, message: string, id: string): Promise<{ opened: BannerStep; states: BannerStep[] }> {
    await page.goto(start);
    const banner = `${message} ringfence-banner`;
    await watchBanner(page, banner, message);
    await page.click(row);
    const e164 = numbers[id]!.e164;
    await page
      .waitForFunction(
        (selector: string, wanted: string) => document.querySelector(selector)?.shadowRoot?.querySelector(`section.banner .number[data-e164="${wanted}"]`) != null,
        { timeout: 45_000, polling: 100 },
        banner,
        e164,
      )
      .catch(async (error: Error) => {
        const seen = await page.evaluate(() => (window as unknown as { ringfenceBannerSteps: BannerStep[] }).ringfenceBannerSteps);
        throw new Error(`no banner with ${e164} (banner states: ${JSON.stringify(seen)}): ${error.message}`);
      });
    // One more sample, so the last state is recorded.
    await new Promise((r) => setTimeout(r, 60));
    const [opened, ...states] = await page.evaluate(() => (window as unknown as { ringfenceBannerSteps: BannerStep[] }).ringfenceBannerSteps);
    expect(opened?.level).toBe('opened');
    const last = states.at(-1)!;
    expect(['warning', 'danger']).toContain(last.level);
    expect(last.numbers).toContain(e164);
    console.log(`firefox: ${id} banner states ${states.map((s) => `${s.level}@${Math.round(s.at - opened!.at)}ms`).join(' → ')} after the message opened`);
    return { opened: opened!, states };
  }

  it('Gmail: shows the text verdict, then the warning with the number read from the inline picture', async () => {
    const { states } = await openAndRead(`${webmail.origin('gmail')}/mail/u/0/?load=${++loads}#inbox`, 'tr[data-thread="ocr-invoice"]', gmailMessage(INLINE), INLINE);
    // The text alone: a caution that says the number is not in the text; then the picture's number.
    expect(states[0]).toMatchObject({ level: 'caution', numbers: [] });
    expect(states.length).toBeGreaterThan(1);
  });

  it('Gmail: reads a picture attachment shown only as a chip, from "Show original"', async () => {
    const message = gmailMessage(ATTACHED);
    await openAndRead(`${webmail.origin('gmail')}/mail/u/0/?load=${++loads}#inbox`, 'tr[data-thread="ocr-attached"]', message, ATTACHED);
    // The page renders no picture of the attachment: only its chip.
    expect(await page.$$eval(`${message} img`, (imgs) => imgs.length)).toBe(0);
  });

  it('Outlook on the web: reads an inline picture shown from a blob: URL', async () => {
    const message = outlookMessage(OUTLOOK);
    await openAndRead(`${webmail.origin('outlook-web')}/mail/?load=${++loads}`, '[role="option"][data-thread="ocr-outlook"]', message, OUTLOOK);
    expect(await page.$eval(`${message} img`, (img) => (img as HTMLImageElement).src)).toMatch(/^blob:/);
  });
});
