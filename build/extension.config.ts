// Builds the browser extension: dist/extension/ (Chrome, Edge; MV3 service worker) and
// dist/extension-firefox/ (MV3 with a background script). Content scripts are classic scripts, so each
// provider is its own IIFE bundle; the worker is one IIFE file too; the options page and popup are pages.
import { defineConfig, build, type InlineConfig, type Plugin } from 'vite';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { buildManifest, CONTENT_SCRIPTS, type BrowserTarget } from '../extension/manifest.ts';
import { copyOcrAssets } from './ocr-assets.ts';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const source = resolve(root, 'extension');
export const EXTENSION_OUT = resolve(root, 'dist/extension');
export const FIREFOX_OUT = resolve(root, 'dist/extension-firefox');

const SCRIPTS: Record<string, string> = {
  background: resolve(source, 'background/main.ts'),
  ...Object.fromEntries(CONTENT_SCRIPTS.map((c) => [`content/${c.provider}`, resolve(source, `content/providers/${c.provider}.ts`)])),
  // Imported by a webmail frame's first banner (extension/content/load-banner.ts), not a content_scripts entry.
  'content/banner': resolve(source, 'content/banner-entry.ts'),
};
const STATIC = ['_locales', 'icons', 'managed_schema.json'];

const shared = {
  oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
};

function classicScript(name: string, entry: string): InlineConfig {
  return {
    ...shared,
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: EXTENSION_OUT,
      emptyOutDir: false,
      target: 'chrome120',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      lib: { entry, formats: ['iife'], name: `ringfence_${name.replace(/\W/g, '_')}`, fileName: () => `${name}.js` },
    },
  };
}

function extensionAssembly(): Plugin {
  return {
    name: 'ringfence-extension-assembly',
    apply: 'build',
    async closeBundle() {
      for (const [name, entry] of Object.entries(SCRIPTS)) await build(classicScript(name, entry));
      for (const item of STATIC) await cp(resolve(source, item), resolve(EXTENSION_OUT, item), { recursive: true });
      await mkdir(resolve(EXTENSION_OUT, 'data'), { recursive: true });
      await cp(resolve(root, 'data/starter-feed.json'), resolve(EXTENSION_OUT, 'data/starter-feed.json'));
      const { version } = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8')) as { version: string };
      await copyOcrAssets(EXTENSION_OUT);
      await writeManifest(EXTENSION_OUT, 'chromium', version);
      await rm(FIREFOX_OUT, { recursive: true, force: true });
      await mkdir(FIREFOX_OUT, { recursive: true });
      await cp(EXTENSION_OUT, FIREFOX_OUT, { recursive: true });
      await rm(resolve(FIREFOX_OUT, 'managed_schema.json'), { force: true });
      await writeManifest(FIREFOX_OUT, 'firefox', version);
    },
  };
}

async function writeManifest(dir: string, target: BrowserTarget, version: string): Promise<void> {
  await writeFile(resolve(dir, 'manifest.json'), JSON.stringify(buildManifest(target, version), null, 2) + '\n');
}

export default defineConfig({
  ...shared,
  root: source,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: EXTENSION_OUT,
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    rolldownOptions: {
      input: {
        options: resolve(source, 'options/options.html'),
        popup: resolve(source, 'popup/popup.html'),
        offscreen: resolve(source, 'offscreen/offscreen.html'),
      },
    },
  },
  plugins: [extensionAssembly()],
});
