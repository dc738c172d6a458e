// Finding a cached esbuild bundle of a TypeScript entry point, in plain JavaScript: bin/ringfence.js uses it
// before any TypeScript loader is in place (the main thread then starts without tsx), task-bundle.ts to
// decide whether to build. Cached under node_modules/.cache/ringfence/<name>-<hash>/, the hash taken over
// the sources the last bundle was built from: any edit to one of them gives a new hash and a fresh bundle.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Changes whenever the way bundles are built changes, so older bundles are not reused. */
export const RECIPE = 'task-bundle-1';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'ringfence');

/** The esbuild version from its package.json (esbuild itself is loaded only to build); throws when absent. */
export function esbuildVersion() {
  return createRequire(import.meta.url)('esbuild/package.json').version;
}

/** What a bundle's hash starts from: recipe, esbuild version and entry. */
export function bundleKey(entryPath, version) {
  return `${RECIPE} ${version} ${entryPath}`;
}

/** The file listing the sources the last bundle of `entryPath` was built from. */
export function inputsListFile(entryPath, cacheDir) {
  return join(cacheDir, `${basename(entryPath, extname(entryPath))}-${shortHash(entryPath)}.inputs.json`);
}

/** Where the bundle of `entryPath` built from sources with hash `hash` lives. */
export function bundlePath(entryPath, cacheDir, hash) {
  const name = basename(entryPath, extname(entryPath));
  return join(cacheDir, `${name}-${hash}`, `${name}.mjs`);
}

/**
 * Path of an up-to-date cached bundle of `entryPath`, or undefined when there is none (never built, a
 * source changed since, or esbuild is not installed). Builds nothing.
 */
export async function cachedBundle(entryPath, cacheDir = CACHE_DIR) {
  let version;
  try {
    version = esbuildVersion();
  } catch {
    return undefined;
  }
  const known = await readInputs(inputsListFile(entryPath, cacheDir));
  if (!known) return undefined;
  const hash = await hashInputs(bundleKey(entryPath, version), known);
  const out = hash && bundlePath(entryPath, cacheDir, hash);
  return out && existsSync(out) ? out : undefined;
}

export async function readInputs(listFile) {
  try {
    const list = JSON.parse(await readFile(listFile, 'utf8'));
    return Array.isArray(list) && list.every((p) => typeof p === 'string') ? list : undefined;
  } catch {
    return undefined;
  }
}

/** Hash of the key and every input's content (tsconfig.json included); undefined when one is missing. */
export async function hashInputs(key, inputs) {
  const files = [...inputs, join(ROOT, 'tsconfig.json')].sort();
  const contents = await Promise.all(files.map((file) => readFile(file).catch(() => undefined)));
  const hash = createHash('sha256').update(key);
  for (const [i, content] of contents.entries()) {
    if (!content) return undefined;
    hash.update(`\0${files[i]}\0`).update(content);
  }
  return hash.digest('hex').slice(0, 20);
}

function shortHash(text) {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
