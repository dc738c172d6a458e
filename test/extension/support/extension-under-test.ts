// Builds the extension once per test run and gives tests its directory, ID and worker.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { EXTENSION_ID } from '../../../extension/extension-id.ts';

export { EXTENSION_ID };
export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const EXTENSION_DIR = resolve(REPO, 'dist/extension');

let built: Promise<void> | undefined;
/** Builds dist/extension (set RINGFENCE_SKIP_BUILD=1 to test an existing build as it is). */
export function buildExtension(): Promise<void> {
  if (process.env.RINGFENCE_SKIP_BUILD === '1') return Promise.resolve();
  built ??= promisify(execFile)(process.execPath, [resolve(REPO, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'build/extension.config.ts'], {
    cwd: REPO,
  }).then(() => undefined);
  return built;
}

export async function extensionWorker(context: BrowserContext, timeout = 15_000): Promise<Worker> {
  const prefix = `chrome-extension://${EXTENSION_ID}/`;
  const existing = context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  if (existing) return existing;
  return context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout });
}

/** The user's options name `feedUrl` as their only feed (no bundled starter list), synced before this returns. */
export async function syncOnlyFeed(worker: Worker, feedUrl: string): Promise<void> {
  await worker.evaluate((url) => chrome.storage.local.set({ userOptions: { feeds: [{ url }], useBundledFeed: false } }), feedUrl);
  await worker.evaluate(async () => {
    const rf = (globalThis as unknown as { ringfence: { ready: Promise<unknown>; syncFeeds(o: object): Promise<void> } }).ringfence;
    await rf.ready;
    await rf.syncFeeds({ force: true });
  });
}
