// npm start: (after `npm run build:extension`) serves a demo mailbox on 127.0.0.1, starts `ringfence serve`
// (reports in, signed feed out) beside it, and opens Chromium with the extension loaded on
// https://mail.google.com (routed to the demo).
// Under CI=true or without a display it runs headless, saves a screenshot of the banner and exits.
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSION_ID } from '../extension/extension-id.ts';
import { FIXTURE_MESSAGES } from '../test/fixtures/webmail/messages.ts';
import { startDemoServers } from './demo-servers.ts';
import { startDemoRingfenceServer } from './demo-ringfence-server.ts';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const extensionDir = join(root, 'dist/extension');
const screenshotDir = join(root, 'docs/screenshots');
const headless = process.env.CI === 'true' || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux');

if (!existsSync(join(extensionDir, 'manifest.json'))) {
  console.error('dist/extension is missing: run `npm run build:extension` first (npm start does).');
  process.exit(1);
}

const servers = await startDemoServers(FIXTURE_MESSAGES);
const ringfence = await startDemoRingfenceServer();
const feedUrl = ringfence.policy.feeds[0]!.url;
console.log(`demo mailbox ${servers.origin}/gmail/  ringfence serve ${ringfence.server.url}: feed ${feedUrl} (signed), reports ${ringfence.policy.reportEndpoint}`);
console.log(`review queue: curl -H 'Authorization: Bearer ${ringfence.adminToken}' ${ringfence.server.url}/api/admin/queue`);

const userDataDir = await mkdtemp(join(tmpdir(), 'ringfence-demo-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: findChromium(),
  headless: false,
  args: [
    ...(headless ? ['--headless=new'] : []),
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--no-first-run',
    '--disable-component-update',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ],
  ignoreDefaultArgs: ['--disable-extensions', '--headless'],
  viewport: { width: 1100, height: 760 },
});
const cleanup = async () => {
  await context.close().catch(() => {});
  await servers.close();
  await ringfence.close();
  await rm(userDataDir, { recursive: true, force: true });
};
process.once('SIGINT', () => void cleanup().then(() => process.exit(0)));

try {
  await routeWebmail(context);
  const worker = await extensionWorker(context);
  // The demo configures the extension as a user would in its options (an organisation would use policy).
  await worker.evaluate(
    (options) => chrome.storage.local.set({ userOptions: options }),
    { feeds: ringfence.policy.feeds, reportEndpoint: ringfence.policy.reportEndpoint, useBundledFeed: false },
  );
  await worker.evaluate(async () => {
    const rf = (globalThis as unknown as { ringfence: { ready: Promise<unknown>; syncFeeds(o: object): Promise<void> } }).ringfence;
    await rf.ready;
    await rf.syncFeeds({ force: true });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://mail.google.com/mail/u/0/#inbox/invoice');
  const banner = page.locator('div.adn.ads ringfence-banner').first();
  await banner.waitFor({ timeout: 10_000 });
  console.log(`banner shown: level ${await banner.getAttribute('data-level')}`);
  if (headless) {
    await mkdir(screenshotDir, { recursive: true });
    const file = join(screenshotDir, 'banner-gmail.png');
    await page.locator('div.adn.ads').first().screenshot({ path: file });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('div.adn.ads').first().screenshot({ path: join(screenshotDir, 'banner-gmail-dark.png') });
    console.log(`screenshot saved: ${file}`);
    await cleanup();
  } else {
    console.log(`Chromium is open with Ringfence (extension ID ${EXTENSION_ID}). Open the other messages; Ctrl-C to stop.`);
    context.on('close', () => void cleanup().then(() => process.exit(0)));
  }
} catch (error) {
  console.error(`demo failed: ${(error as Error).message}`);
  await cleanup();
  process.exitCode = 1;
}

async function routeWebmail(ctx: BrowserContext): Promise<void> {
  const sites = [
    ['https://mail.google.com/**', 'gmail'],
    ['https://outlook.office.com/**', 'outlook-web'],
  ] as const;
  for (const [pattern, webmail] of sites) {
    await ctx.route(pattern, (route) => {
      const answer = servers.webmail(webmail, new URL(route.request().url()));
      return route.fulfill({ status: answer.status, contentType: answer.contentType, body: answer.body });
    });
  }
}

async function extensionWorker(ctx: BrowserContext): Promise<Worker> {
  const prefix = `chrome-extension://${EXTENSION_ID}/`;
  return ctx.serviceWorkers().find((w) => w.url().startsWith(prefix)) ??
    ctx.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout: 20_000 });
}

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c!));
}
