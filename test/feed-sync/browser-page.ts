// Runs the IndexedDB feed store (and the sync) in a real Chromium page: bundles them with esbuild, serves
// the bundle from a loopback server and exposes them as `window.ringfence`. Used by test/e2e/idb-store.test.ts
// and bench/cases/feed-store.ts.
import { build } from 'esbuild';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/chromium.ts';
import { startHttpServer, type TestServer } from '../support/http-server.ts';
import type { openIdbFeedStore } from '../../shared/browser/idb-feed-store.ts';
import type { syncFeed } from '../../shared/feed-sync/sync.ts';
import type { StoreLookup } from '../../shared/feed-sync/store-lookup.ts';
import type * as bench from './page-bench.ts';

/** What the page exposes; in page.evaluate: `(window as unknown as RingfenceWindow).ringfence`. */
export interface RingfenceWindow {
  ringfence: { openIdbFeedStore: typeof openIdbFeedStore; syncFeed: typeof syncFeed; StoreLookup: typeof StoreLookup; bench: typeof bench };
}

const root = fileURLToPath(new URL('../../', import.meta.url));

const ENTRY = `
import { openIdbFeedStore } from ${JSON.stringify(join(root, 'shared/browser/idb-feed-store.ts'))};
import { syncFeed } from ${JSON.stringify(join(root, 'shared/feed-sync/sync.ts'))};
import { StoreLookup } from ${JSON.stringify(join(root, 'shared/feed-sync/store-lookup.ts'))};
import * as bench from ${JSON.stringify(join(root, 'test/feed-sync/page-bench.ts'))};
window.ringfence = { openIdbFeedStore, syncFeed, StoreLookup, bench };
`;

// tsx compiles callbacks with esbuild's keepNames, which wraps named functions in __name(); the page
// needs that helper for page.evaluate callbacks written in files run through tsx (the bench).
const PAGE = `<!doctype html><meta charset="utf-8"><title>feed store</title>
<script>globalThis.__name = globalThis.__name || ((fn) => fn);</script>
<script type="module" src="/bundle.js"></script>`;

// Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs (for the lookup bench).
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

export interface FeedStorePage {
  page: Page;
  server: TestServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Bundles the store into a temp dir (once per call) and opens it in a fresh Chromium page. */
export async function openFeedStorePage(): Promise<FeedStorePage> {
  const dir = await mkdtemp(join(tmpdir(), 'ringfence-idb-page-'));
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  try {
    await writeFile(join(dir, 'entry.ts'), ENTRY);
    await build({
      entryPoints: [join(dir, 'entry.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'chrome120',
      outfile: join(dir, 'bundle.js'),
      absWorkingDir: root,
      nodePaths: [join(root, 'node_modules')],
      logLevel: 'silent',
    });
    const bundle = await readFile(join(dir, 'bundle.js'));
    server = await startHttpServer({
      '/': { body: PAGE, headers: { 'content-type': 'text/html', ...ISOLATED } },
      '/bundle.js': { body: bundle, headers: { 'content-type': 'text/javascript', ...ISOLATED } },
    });
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(server.origin + '/');
    await page.waitForFunction(() => 'ringfence' in window);
    const opened = { browser, server };
    return {
      page,
      ...opened,
      async close() {
        await opened.browser.close().catch(() => {});
        await opened.server.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    await server?.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
