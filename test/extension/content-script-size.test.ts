// Content scripts are injected into every webmail tab: they hold the page's part only (reading the DOM, the
// banner in Preact) and talk to the worker through the browser's own API, without webextension-polyfill.
// Bundled here as the build bundles them (one minified IIFE per provider; esbuild's output is within 1% of
// vite's) and held to a gzip budget, so that OCR, parsing or data tables creeping into the page fail here.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPTS } from '../../extension/manifest.ts';

const content = fileURLToPath(new URL('../../extension/content/', import.meta.url));
/**
 * Gzip bytes each content script may take (measured: gmail.js 8,547, outlook-web.js 7,632; 16.8 and 15.8 KB
 * while the banner was bundled into each). The banner is content/banner.js, injected with a frame's first banner.
 */
const BUDGET: Record<string, number> = { gmail: 9_000, 'outlook-web': 8_100 };
/** content/banner.js (measured: 8,920). */
const BANNER_BUDGET = 9_500;

async function bundle(entry: string) {
  const result = await build({
    entryPoints: [`${content}${entry}`],
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    outdir: '/tmp/ringfence-content-size',
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))!.contents;
  return { inputs: Object.keys(result.metafile.inputs), gzip: gzipSync(js, { level: 9 }).length };
}

describe('content script size', () => {
  it('has a budget for each content script the manifest injects', () => {
    expect(CONTENT_SCRIPTS.map((c) => c.provider).sort()).toEqual(Object.keys(BUDGET).sort());
  });

  it.each(Object.keys(BUDGET))('%s.js stays within its gzip budget and bundles neither webextension-polyfill, the reason sentences nor the banner', async (name) => {
    const { inputs, gzip } = await bundle(`providers/${name}.ts`);
    expect(inputs.some((p) => p.includes('extension/content/'))).toBe(true);
    expect(inputs.filter((p) => p.includes('webextension-polyfill'))).toEqual([]);
    // The reasons' sentences come written from the worker (extension/background/reason-texts.ts).
    expect(inputs.filter((p) => /i18n\/reason-text|verdict\/reason-codes/.test(p))).toEqual([]);
    // The banner (Preact, its components and styles) is content/banner.js, loaded with the first banner.
    expect(inputs.filter((p) => /node_modules\/preact|shared\/browser\/banner\//.test(p))).toEqual([]);
    console.info(`${name}.js: ${gzip} bytes gzip (budget ${BUDGET[name]})`);
    expect(gzip).toBeLessThanOrEqual(BUDGET[name]!);
  }, 60_000);

  it('banner.js holds the banner and stays within its gzip budget', async () => {
    const { inputs, gzip } = await bundle('banner-entry.ts');
    expect(inputs.some((p) => p.includes('node_modules/preact/'))).toBe(true);
    expect(inputs.some((p) => p.endsWith('shared/browser/banner/render-banner.tsx'))).toBe(true);
    expect(inputs.filter((p) => p.includes('webextension-polyfill'))).toEqual([]);
    console.info(`banner.js: ${gzip} bytes gzip (budget ${BANNER_BUDGET})`);
    expect(gzip).toBeLessThanOrEqual(BANNER_BUDGET);
  }, 60_000);
});
