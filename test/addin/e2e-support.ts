// Helpers for the add-in's browser tests: build dist/addin into a temp folder, serve it on 127.0.0.1, and
// answer the CDN office.js request with the bundled typed fake.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type { TestServer } from '../support/http-server.ts';
import type { FakeOfficeOptions } from './fake-office.ts';

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const repo = fileURLToPath(new URL('../..', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

/** Runs `npm run build:addin`'s build into a fresh folder; returns it. */
export async function buildAddin(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'ringfence-addin-'));
  const result = spawnSync(process.execPath, [join(repo, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'build/addin.config.ts', '--logLevel', 'warn'], {
    cwd: repo,
    env: { ...process.env, ADDIN_OUT_DIR: outDir },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`add-in build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

/** Serves every file of `dir` at its path on the test server. */
export async function serveDir(server: TestServer, dir: string): Promise<void> {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const body = await readFile(path);
    server.route(`/${relative(dir, path).split('\\').join('/')}`, { status: 200, body, headers: { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' } });
  }
}

/** The typed fake of office.js, bundled into one classic script. */
export async function bundleOfficeDouble(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(repo, 'test/addin/office-double-entry.ts'), formats: ['iife'], name: 'OfficeDouble', fileName: () => 'office.js' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if ('output' in result) {
      const chunk = result.output.find((o) => o.type === 'chunk');
      if (chunk && 'code' in chunk) return chunk.code;
    }
  }
  throw new Error('office double: no bundle produced');
}

/** Answers the CDN office.js request on this page with the fake, configured with `options`. */
export async function installOfficeDouble(page: Page, script: string, options: FakeOfficeOptions): Promise<void> {
  const body = `window.__ringfenceOfficeConfig = ${JSON.stringify(options)};\n${script}`;
  await page.route(OFFICE_JS_URL, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body }));
}

/** Waits until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
