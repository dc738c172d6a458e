// The look-alike checks use tldts (the Public Suffix List, ~40 KB gzip). The scan runs in the extension's
// service worker, the CLI and the add-in pane; content scripts are injected into every webmail tab, so
// they must not pull it (or the SaaS rules, or the locale catalogues) in.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const providers = fileURLToPath(new URL('../../extension/content/providers/', import.meta.url));

describe('content scripts', () => {
  it('do not bundle tldts, the SaaS rules or the locale catalogues', async () => {
    const entries = readdirSync(providers).filter((f) => f.endsWith('.ts')).map((f) => `${providers}${f}`);
    expect(entries.length).toBeGreaterThan(0);
    const result = await build({
      entryPoints: entries,
      bundle: true,
      write: false,
      metafile: true,
      outdir: '/tmp/ringfence-content-imports',
      format: 'iife',
      platform: 'browser',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((p) => p.includes('extension/content/'))).toBe(true);
    expect(inputs.filter((p) => /node_modules\/tldts|shared\/saas\//.test(p))).toEqual([]);
    // The banner's text comes from the browser's i18n over `_locales`: no copy of the catalogues in every tab.
    expect(inputs.filter((p) => /_locales\/|shared\/i18n\/catalogues/.test(p))).toEqual([]);
  }, 60_000);
});
