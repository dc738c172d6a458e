// The pool's task module (and the CLI's main module, see bin/ringfence.js) bundled once into plain JavaScript
// (esbuild), so a thread starts without a TypeScript loader of its own (tsx costs a thread about 1.4 s of
// CPU; the bundle loads in about 0.6 s). Finding a cached bundle is bundle-cache.mjs; building one is here.
// Packages stay external (loaded from node_modules as before); dynamic imports become chunks loaded when
// first needed.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile, readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleKey, bundlePath, CACHE_DIR, cachedBundle, esbuildVersion, hashInputs, inputsListFile, ROOT } from './bundle-cache.mjs';

/** Bundles of other source versions are removed once this old (a running scan may still use a recent one). */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * The file URL a pool worker should load for the TypeScript module `entry`: the cached bundle, built
 * now when missing or out of date, or `entry` itself (loaded through tsx) when bundling is unavailable
 * or fails, or RINGFENCE_NO_BUNDLE=1 asks for the sources.
 */
export async function taskModuleUrl(entry: URL): Promise<string> {
  if (process.env.RINGFENCE_NO_BUNDLE === '1') return entry.href;
  try {
    return pathToFileURL(await bundledEntry(fileURLToPath(entry), CACHE_DIR)).href;
  } catch {
    return entry.href;
  }
}

/** Path of the bundle of `entryPath` inside `cacheDir`, building it when needed. Throws when esbuild cannot. */
export async function bundledEntry(entryPath: string, cacheDir: string): Promise<string> {
  const cached = await cachedBundle(entryPath, cacheDir);
  if (cached) return cached;
  const version = esbuildVersion();
  const name = basename(entryPath, extname(entryPath));
  const listFile = inputsListFile(entryPath, cacheDir);
  const key = bundleKey(entryPath, version);

  const esbuild = await import('esbuild');
  if (esbuild.version !== version) throw new Error(`esbuild ${esbuild.version} loaded, ${version} expected`);
  await mkdir(cacheDir, { recursive: true });
  const building = join(cacheDir, `.building-${process.pid}-${Date.now()}`);
  try {
    const result = await esbuild.build({
      entryPoints: [entryPath],
      outdir: building,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      outExtension: { '.js': '.mjs' },
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: ROOT,
      plugins: [fixedImportMetaUrl],
    });
    const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(ROOT, p));
    const hash = await hashInputs(key, inputs);
    if (!hash) throw new Error('a source went missing while it was bundled');
    const out = bundlePath(entryPath, cacheDir, hash);
    const dir = join(out, '..');
    if (!existsSync(out)) await rename(building, dir).catch((error) => { if (!existsSync(out)) throw error; });
    await writeFile(`${listFile}.${process.pid}`, JSON.stringify(inputs));
    await rename(`${listFile}.${process.pid}`, listFile);
    await removeStale(cacheDir, name, dir);
    return out;
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}

// Spelt in two pieces so that this file, bundled into the CLI's main module, does not trip its own check.
const META = ['import', 'meta'].join('.');

/**
 * A bundle lives elsewhere than its sources: each source's `import.meta.url` is fixed to the source's own
 * URL, so files found next to it (ocr-thread.mjs, worker-entry.mjs, data/) are found as before. Any other
 * property of the module's meta object fails the build, and the sources are loaded through tsx instead.
 */
const fixedImportMetaUrl = {
  name: 'fixed-import-meta-url',
  setup(build: import('esbuild').PluginBuild) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      if (args.path.includes(`${join('node_modules', '')}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      const fixed = source.replaceAll(`${META}.url`, JSON.stringify(pathToFileURL(args.path).href));
      if (fixed.includes(META)) throw new Error(`${args.path} uses ${META} beyond ${META}.url`);
      return { contents: fixed, loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js', resolveDir: join(args.path, '..') };
    });
  },
};

async function removeStale(cacheDir: string, name: string, keep: string): Promise<void> {
  for (const entry of await readdir(cacheDir).catch(() => [] as string[])) {
    const path = join(cacheDir, entry);
    if (path === keep || !entry.startsWith(`${name}-`) || entry.endsWith('.json')) continue;
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory() && Date.now() - info.mtimeMs > STALE_MS) await rm(path, { recursive: true, force: true });
  }
}
