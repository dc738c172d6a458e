// Builds the Outlook add-in into dist/addin/: taskpane.html (+ assets, pdfjs's worker among them), commands.html,
// report.js (one classic script, as classic Outlook on Windows requires), icons, an example policy.json,
// support.html, .well-known/microsoft-officeaddins-allowed.json and the manifest filled with the hosting base URL.
//   ADDIN_BASE_URL        where dist/addin/ will be hosted (https, default https://localhost:3000/)
//   RINGFENCE_POLICY_URL  the policy built into the scripts (default policy.json, beside the add-in's files)
//   ADDIN_POLICY          optional policy variant on the add-in's origin: the manifest's policy= parameter
//   ADDIN_ID              optional manifest <Id> (a GUID): one per policy variant
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
import { checkManifest } from '../addin/manifest/check-manifest.ts';
import { DEFAULT_BASE_URL, DEFAULT_POLICY_FILE, fillManifest, normaliseBaseUrl } from '../addin/build/fill-manifest.ts';
import { OFFICEADDINS_ALLOWED_PATH, officeAddinsAllowed } from '../addin/build/officeaddins-allowed.ts';
import { pinnedPolicySetting } from '../addin/build/pinned-policy-setting.ts';
import { drawIcon, ICON_SIZES } from '../addin/build/draw-icon.ts';
import { copyOcrAssets } from './ocr-assets.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const addinDir = join(repo, 'addin');
const outDir = process.env.ADDIN_OUT_DIR ?? join(repo, 'dist', 'addin');
const baseUrl = normaliseBaseUrl(process.env.ADDIN_BASE_URL || DEFAULT_BASE_URL);
const policy = process.env.ADDIN_POLICY || undefined;
const addinId = process.env.ADDIN_ID || undefined;
const pinnedPolicy = pinnedPolicySetting(process.env.RINGFENCE_POLICY_URL, baseUrl);

const shared = {
  define: {
    __RINGFENCE_BASE_URL__: JSON.stringify(baseUrl),
    __RINGFENCE_POLICY_URL__: JSON.stringify(pinnedPolicy),
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } },
};

/** report.js: the Report button's handler, bundled with everything it needs into one non-module script. */
async function buildReportScript(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    ...shared,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2017',
      sourcemap: false,
      lib: { entry: join(addinDir, 'report', 'report-entry.ts'), formats: ['iife'], name: 'RingfenceReport', fileName: () => 'report.js' },
    },
  });
}

async function writeStaticFiles(): Promise<void> {
  await mkdir(join(outDir, 'icons'), { recursive: true });
  for (const size of ICON_SIZES) await writeFile(join(outDir, 'icons', `icon-${size}.png`), drawIcon(size));
  const policyTarget = join(outDir, DEFAULT_POLICY_FILE);
  if (!existsSync(policyTarget)) await copyFile(join(addinDir, 'policy', 'policy.example.json'), policyTarget);
  const manifest = fillManifest(await readFile(join(repo, 'manifest.xml'), 'utf8'), { baseUrl, policy, id: addinId });
  const { problems, facts } = checkManifest(manifest, baseUrl);
  const reportScripts = (facts?.urls ?? []).filter((url) => new URL(url).pathname.endsWith('/report.js'));
  if (reportScripts.length === 0) problems.push('the manifest names no report.js');
  else {
    await mkdir(join(outDir, '.well-known'), { recursive: true });
    await writeFile(join(outDir, OFFICEADDINS_ALLOWED_PATH), officeAddinsAllowed(reportScripts));
  }
  for (const url of facts?.urls ?? []) {
    const path = decodeURIComponent(new URL(url).pathname.slice(new URL(baseUrl).pathname.length));
    if (!existsSync(join(outDir, path))) problems.push(`manifest URL ${url} has no file ${path} in the build`);
  }
  if (problems.length) throw new Error(`dist/addin/manifest.xml has problems:\n  ${problems.join('\n  ')}`);
  await writeFile(join(outDir, 'manifest.xml'), manifest);
}

function addinFiles(): Plugin {
  return {
    name: 'ringfence-addin-files',
    apply: 'build',
    async closeBundle() {
      await buildReportScript();
      await writeStaticFiles();
      await copyOcrAssets(outDir);
    },
  };
}

export default defineConfig({
  root: addinDir,
  base: './',
  publicDir: false,
  ...shared,
  plugins: [addinFiles()],
  // pdfjs's worker (addin/taskpane/pdf-text.ts) is bundled as an ES module worker into assets/.
  worker: { format: 'es' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: true,
    chunkSizeWarningLimit: 1536, // libphonenumber's full metadata (line types); pdfjs, loaded only for PDFs
    rolldownOptions: {
      input: {
        taskpane: join(addinDir, 'taskpane.html'),
        commands: join(addinDir, 'commands.html'),
        support: join(addinDir, 'support.html'),
      },
    },
  },
});
