// Content scripts are injected into every webmail tab: they hold the page's part only (reading the DOM, the
// banner in Preact) and talk to the worker through the browser's own API, without webextension-polyfill.
// Bundled here as the build bundles them (one minified IIFE per provider; esbuild's output is within 1% of
// vite's) and held to a gzip budget, so that OCR, parsing or data tables creeping into the page fail here.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPTS } from '../../extension/manifest.ts';

const providers = fileURLToPath(new URL('../../extension/content/providers/', import.meta.url));
/** Gzip bytes each content script may take (measured: gmail.js 17,074, outlook-web.js 16,120). */
const BUDGET: Record<string, number> = { gmail: 17_500, 'outlook-web': 16_600 };

async function bundle(name: string) {
  const result = await build({
    entryPoints: [`${providers}${name}.ts`],
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

  it.each(Object.keys(BUDGET))('%s.js stays within its gzip budget and bundles neither webextension-polyfill nor the reason sentences', async (name) => {
    const { inputs, gzip } = await bundle(name);
    expect(inputs.some((p) => p.includes('extension/content/'))).toBe(true);
    expect(inputs.filter((p) => p.includes('webextension-polyfill'))).toEqual([]);
    // The reasons' sentences come written from the worker (extension/background/reason-texts.ts).
    expect(inputs.filter((p) => /i18n\/reason-text|verdict\/reason-codes/.test(p))).toEqual([]);
    console.info(`${name}.js: ${gzip} bytes gzip (budget ${BUDGET[name]})`);
    expect(gzip).toBeLessThanOrEqual(BUDGET[name]!);
  }, 60_000);
});
