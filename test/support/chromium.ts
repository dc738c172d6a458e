// Launches Debian's Chromium through playwright-core with the flags this workplace needs.
import { chromium, type BrowserContext, type Browser } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

const BASE_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedContext {
  context: BrowserContext;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * A persistent context (needed for extensions), optionally loading an unpacked extension. A fresh
 * user-data-dir unless `userDataDir` names one to start again (after the browser was closed or killed).
 */
export async function launchPersistent(options: { extensionDir?: string; args?: string[]; userDataDir?: string } = {}): Promise<LaunchedContext> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'ringfence-chromium-')));
  const args = [...BASE_ARGS, ...(options.args ?? [])];
  if (options.extensionDir) {
    args.push(`--disable-extensions-except=${options.extensionDir}`, `--load-extension=${options.extensionDir}`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: false, // --headless=new is passed in args; playwright's own headless mode would not load extensions
    args,
    ignoreDefaultArgs: ['--disable-extensions', '--headless'],
  });
  return {
    context,
    userDataDir,
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A plain browser for page-level tests (IndexedDB, task pane). */
export async function launchBrowser(args: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...BASE_ARGS, ...args] });
}
