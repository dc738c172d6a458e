// banner-latency: ms from a scam message's body entering a Gmail-shaped page to the Ringfence banner being
// shown, median of 20 openings, each in a freshly loaded page (the built extension in real Chromium, a feed
// on 127.0.0.1). Budget: 1000 ms. content-script-kb: gzip size of the Gmail content script (the Outlook one
// in the note); baseline: the same script's size before gzip.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { BenchResult } from '../types.ts';
import { hasChromium, launchPersistent } from '../../test/support/chromium.ts';
import { startHttpServer } from '../../test/support/http-server.ts';
import { FIXTURE_MESSAGES } from '../../test/fixtures/webmail/messages.ts';
import { buildExtension, EXTENSION_DIR, extensionWorker, syncOnlyFeed } from '../../test/extension/support/extension-under-test.ts';
import { routeWebmail, WEBMAIL_START } from '../../test/extension/support/webmail-routes.ts';
import { bannerLatency } from '../../test/extension/support/harness.ts';
import { scamFeed } from '../../test/extension/support/scam-feed.ts';

const RUNS = 20;
const SCAM = 'msg-f:1791000000000000001';

export default async function (): Promise<BenchResult[]> {
  await buildExtension();
  const results: BenchResult[] = [await contentScriptSize()];
  if (!hasChromium) {
    console.error('banner bench: banner-latency skipped, no Chromium at /usr/bin/chromium');
    return results;
  }
  results.unshift(await measureLatency());
  return results;
}

async function contentScriptSize(): Promise<BenchResult> {
  const gmail = await readFile(join(EXTENSION_DIR, 'content/gmail.js'));
  const outlook = await readFile(join(EXTENSION_DIR, 'content/outlook-web.js'));
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  const gz = kb(gzipSync(gmail, { level: 9 }).length);
  return {
    name: 'content-script-kb',
    unit: 'KB',
    value: gz,
    baseline: kb(gmail.length),
    ratio: Math.round((gz / kb(gmail.length)) * 100) / 100,
    baselineName: 'same script, not gzipped',
    note: `content/gmail.js gzip -9; content/outlook-web.js ${kb(gzipSync(outlook, { level: 9 }).length)} KB gzip`,
  };
}

async function measureLatency(): Promise<BenchResult> {
  const feeds = await startHttpServer({
    '/feed.json': { body: scamFeed('bench', [{ number: '+18047134598' }]), headers: { 'content-type': 'application/json' } },
  });
  const browser = await launchPersistent({ extensionDir: EXTENSION_DIR });
  try {
    await routeWebmail(browser.context, FIXTURE_MESSAGES);
    await syncOnlyFeed(await extensionWorker(browser.context), feeds.url('/feed.json'));
    const page = await browser.context.newPage();
    const samples: number[] = [];
    let level = '';
    for (let i = 0; i < RUNS; i++) {
      await page.goto(WEBMAIL_START.gmail.replace('#', `?run=${i}#`));
      await page.click('tr[data-thread="invoice"]');
      const host = page.locator('div.adn.ads ringfence-banner');
      await host.waitFor({ timeout: 10_000 });
      level = (await host.getAttribute('data-level')) ?? '';
      const ms = (await bannerLatency(page, [SCAM]))[SCAM];
      if (ms === null || ms === undefined) throw new Error('no banner timing recorded');
      samples.push(ms);
    }
    samples.sort((a, b) => a - b);
    const median = (samples[RUNS / 2 - 1]! + samples[RUNS / 2]!) / 2;
    return {
      name: 'banner-latency',
      unit: 'ms',
      value: Math.round(median),
      baseline: null,
      ratio: null,
      note: `median of ${RUNS} (min ${Math.round(samples[0]!)}, max ${Math.round(samples[RUNS - 1]!)}); level ${level}; budget 1000 ms`,
    };
  } finally {
    await browser.close();
    await feeds.close();
  }
}
