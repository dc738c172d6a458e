// The pool's task module bundled once into plain JavaScript (esbuild), so each worker thread starts without
// a TypeScript loader of its own (tsx costs a worker about 1.4 s of CPU; the bundle loads in about 0.6 s).
// Cached under node_modules/.cache/ringfence/<name>-<hash>/, the hash taken over the sources the last
// bundle was built from: any edit to one of them gives a new hash and a fresh bundle. Packages stay
// external (loaded from node_modules as before); dynamic imports become chunks loaded when first needed.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Changes whenever the way bundles are built changes, so older bundles are not reused. */
const RECIPE = 'task-bundle-1';
/** Bundles of other source versions are removed once this old (a running scan may still use a recent one). */
const STALE_MS = 24 * 60 * 60 * 1000;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'ringfence');

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
  // The version from package.json: esbuild itself is loaded only to build.
  const { version } = createRequire(import.meta.url)('esbuild/package.json') as { version: string };
  const name = basename(entryPath, extname(entryPath));
  const listFile = join(cacheDir, `${name}-${shortHash(entryPath)}.inputs.json`);
  const key = `${RECIPE} ${version} ${entryPath}`;
  const known = await readInputs(listFile);
  if (known) {
    const hash = await hashInputs(key, known);
    const out = hash && join(cacheDir, `${name}-${hash}`, `${name}.mjs`);
    if (out && existsSync(out)) return out;
  }

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
    const dir = join(cacheDir, `${name}-${hash}`);
    const out = join(dir, `${name}.mjs`);
    if (!existsSync(out)) await rename(building, dir).catch((error) => { if (!existsSync(out)) throw error; });
    await writeFile(`${listFile}.${process.pid}`, JSON.stringify(inputs));
    await rename(`${listFile}.${process.pid}`, listFile);
    await removeStale(cacheDir, name, dir);
    return out;
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}

/**
 * A bundle lives elsewhere than its sources: each source's `import.meta.url` is fixed to the source's own
 * URL, so files found next to it (ocr-thread.mjs, worker-entry.mjs, data/) are found as before. Any other
 * use of import.meta fails the build, and the sources are loaded through tsx instead.
 */
const fixedImportMetaUrl = {
  name: 'fixed-import-meta-url',
  setup(build: import('esbuild').PluginBuild) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      if (args.path.includes(`${join('node_modules', '')}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      const fixed = source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      if (fixed.includes('import.meta')) throw new Error(`${args.path} uses import.meta beyond import.meta.url`);
      return { contents: fixed, loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js', resolveDir: join(args.path, '..') };
    });
  },
};

async function readInputs(listFile: string): Promise<string[] | undefined> {
  try {
    const list: unknown = JSON.parse(await readFile(listFile, 'utf8'));
    return Array.isArray(list) && list.every((p) => typeof p === 'string') ? list : undefined;
  } catch {
    return undefined;
  }
}

/** Hash of the key and every input's content (tsconfig.json included); undefined when one is missing. */
async function hashInputs(key: string, inputs: readonly string[]): Promise<string | undefined> {
  const files = [...inputs, join(ROOT, 'tsconfig.json')].sort();
  const contents = await Promise.all(files.map((file) => readFile(file).catch(() => undefined)));
  const hash = createHash('sha256').update(key);
  for (const [i, content] of contents.entries()) {
    if (!content) return undefined;
    hash.update(`\0${files[i]}\0`).update(content);
  }
  return hash.digest('hex').slice(0, 20);
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

async function removeStale(cacheDir: string, name: string, keep: string): Promise<void> {
  for (const entry of await readdir(cacheDir).catch(() => [] as string[])) {
    const path = join(cacheDir, entry);
    if (path === keep || !entry.startsWith(`${name}-`) || entry.endsWith('.json')) continue;
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory() && Date.now() - info.mtimeMs > STALE_MS) await rm(path, { recursive: true, force: true });
  }
}
