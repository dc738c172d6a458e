// ocr-banner: ms from a message with one A4 page picture (150 dpi, 1240x1754, a lure with a random number and
// no text around it) entering a Gmail-shaped page to the banner OCR's verdict brings, in real Chromium with
// the built extension. Cold: the first such message after the browser started (offscreen document, recogniser
// and model loaded on the way), median of COLD_RUNS browsers; warm: later messages, median of WARM_RUNS.
// Beside it, the text-verdict banner of a scam message in the same browsers. Budget: 3000 ms.
// Launches Chromium and builds dist/: run under the e2e lock (flock /tmp/ringfence-e2e.lock npm run bench -- ocr-banner).
import type { Page } from 'playwright-core';
import type { BenchResult } from '../types.ts';
import { hasChromium, launchPersistent } from '../../test/support/chromium.ts';
import { startHttpServer, type TestServer } from '../../test/support/http-server.ts';
import { FIXTURE_MESSAGES, type FixtureMessage } from '../../test/fixtures/webmail/messages.ts';
import { respond } from '../../test/fixtures/webmail/site.ts';
import { buildExtension, EXTENSION_DIR, extensionWorker, syncOnlyFeed } from '../../test/extension/support/extension-under-test.ts';
import { WEBMAIL_ORIGINS, WEBMAIL_START } from '../../test/extension/support/webmail-routes.ts';
import { bannerLatency } from '../../test/extension/support/harness.ts';
import { scamFeed } from '../../test/extension/support/scam-feed.ts';
import { drawLure, randomUsNumber } from '../../test/ocr/support/lure-images.ts';

const COLD_RUNS = 3;
const WARM_RUNS = 5;
const TEXT_SCAM = 'msg-f:1791000000000000001';
const BUDGET_MS = 3_000;

interface PictureMessage {
  message: FixtureMessage;
  e164: string;
  png: Buffer;
}

let made = 0;
function pictureMessage(): PictureMessage {
  const n = ++made;
  const number = randomUsNumber();
  const png = drawLure(number, { width: 1240, height: 1754, fontPx: 24 }).toBuffer('image/png');
  const id = `msg-f:17910000000000${String(8000 + n).padStart(5, '0')}`;
  const message: FixtureMessage = {
    id,
    thread: `ocr-page-${n}`,
    subject: 'Your document',
    from: { name: 'Billing Center', address: 'billing.center.notice@gmail.com' },
    to: { name: 'Alex Morgan', address: 'alex.morgan@example.com' },
    date: 'Mon, 30 Nov 2026 10:00:00 +0000',
    html: `<div><img src="/fixture/ocr/page-${n}.png" alt="page-${n}.png" width="620" height="877"></div>`,
    expect: 'warning once the page picture is read',
  };
  return { message, e164: number.e164, png };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export default async function (): Promise<BenchResult[]> {
  if (!hasChromium) {
    console.error('ocr-banner bench: skipped, no Chromium at /usr/bin/chromium');
    return [];
  }
  await buildExtension();
  const feeds = await startHttpServer({
    '/feed.json': { body: scamFeed('bench', [{ number: '+18047134598' }]), headers: { 'content-type': 'application/json' } },
  });
  const cold: number[] = [];
  const warm: number[] = [];
  const text: number[] = [];
  try {
    for (let run = 0; run < COLD_RUNS; run++) {
      const pictures = Array.from({ length: run === 0 ? 1 + WARM_RUNS : 1 }, pictureMessage);
      await inBrowser(feeds, pictures, async (page) => {
        cold.push(await pictureBanner(page, pictures[0]!, run));
        text.push(await textBanner(page, run));
        for (const [i, picture] of pictures.slice(1).entries()) warm.push(await pictureBanner(page, picture, 100 + i));
      });
    }
  } finally {
    await feeds.close();
  }
  const spread = (xs: number[]) => `min ${Math.round(Math.min(...xs))}, max ${Math.round(Math.max(...xs))}`;
  return [
    { name: 'ocr-banner-cold', unit: 'ms', value: Math.round(median(cold)), baseline: Math.round(median(text)), ratio: null, baselineName: 'text-verdict banner, same browsers', note: `median of ${cold.length} browsers (${spread(cold)}); A4 page picture at 150 dpi; budget ${BUDGET_MS} ms` },
    { name: 'ocr-banner-warm', unit: 'ms', value: Math.round(median(warm)), baseline: Math.round(median(text)), ratio: null, baselineName: 'text-verdict banner, same browsers', note: `median of ${warm.length} (${spread(warm)}); text banner ${spread(text)}` },
  ];
}

async function inBrowser(feeds: TestServer, pictures: PictureMessage[], run: (page: Page) => Promise<void>): Promise<void> {
  const browser = await launchPersistent({ extensionDir: EXTENSION_DIR });
  try {
    const messages = [...FIXTURE_MESSAGES, ...pictures.map((p) => p.message)];
    await browser.context.route(`${WEBMAIL_ORIGINS.gmail}/**`, (route) => {
      const url = new URL(route.request().url());
      const picture = pictures.find((p) => url.pathname === `/fixture/ocr/${p.message.thread.replace('ocr-', '')}.png`);
      if (picture) return route.fulfill({ status: 200, contentType: 'image/png', body: picture.png });
      const answer = respond('gmail', url, messages);
      return route.fulfill({ status: answer.status, contentType: answer.contentType, body: answer.body });
    });
    await syncOnlyFeed(await extensionWorker(browser.context), feeds.url('/feed.json'));
    await run(await browser.context.newPage());
  } finally {
    await browser.close();
  }
}

async function open(page: Page, thread: string, run: number): Promise<void> {
  await page.goto(WEBMAIL_START.gmail.replace('#', `?run=${run}#`));
  await page.click(`tr[data-thread="${thread}"]`);
}

async function pictureBanner(page: Page, picture: PictureMessage, run: number): Promise<number> {
  await open(page, picture.message.thread, run);
  const banner = `div.adn.ads[data-message-id="#${picture.message.id}"] ringfence-banner`;
  await page.locator(`${banner} .number[data-e164="${picture.e164}"]`).waitFor({ timeout: 60_000 });
  const ms = (await bannerLatency(page, [picture.message.id]))[picture.message.id];
  if (ms === null || ms === undefined) throw new Error('no OCR banner timing recorded');
  return ms;
}

async function textBanner(page: Page, run: number): Promise<number> {
  await open(page, 'invoice', 1000 + run);
  await page.locator('div.adn.ads ringfence-banner').waitFor({ timeout: 10_000 });
  const ms = (await bannerLatency(page, [TEXT_SCAM]))[TEXT_SCAM];
  if (ms === null || ms === undefined) throw new Error('no banner timing recorded');
  return ms;
}
