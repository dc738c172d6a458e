#!/usr/bin/env node
// Runs the TypeScript CLI, so `npx ringfence` works straight after `npm install`: from the cached esbuild bundle
// of cli/main.ts when it is up to date (no TypeScript loader: about a second of CPU less per run), otherwise
// through tsx, building the bundle for the next run. RINGFENCE_NO_BUNDLE=1 always loads the sources.
import { fileURLToPath, pathToFileURL } from 'node:url';

// A reader that stops early (`ringfence scan … | head`) is not an error: stop quietly, as other tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await loadMain(new URL('../cli/main.ts', import.meta.url));
process.exitCode = await main(process.argv.slice(2));

async function loadMain(entry) {
  if (process.env.RINGFENCE_NO_BUNDLE !== '1') {
    const { cachedBundle } = await import('../cli/pool/bundle-cache.mjs');
    const bundle = await cachedBundle(fileURLToPath(entry)).catch(() => undefined);
    if (bundle) return import(pathToFileURL(bundle).href);
  }
  (await import('tsx/esm/api')).register();
  const { taskModuleUrl } = await import('../cli/pool/task-bundle.ts');
  return import(await taskModuleUrl(entry));
}
