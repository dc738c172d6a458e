// bin/ringfence.js runs the CLI's main module from its cached esbuild bundle once one is up to date (no
// TypeScript loader on the main thread), and prints exactly what the TypeScript sources print.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedBundle } from '../../cli/pool/bundle-cache.mjs';
import { ROOT } from './support/run-ringfence.ts';
import { corpusMbox } from './support/corpus-mbox.ts';

const exec = promisify(execFile);

async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', [join(ROOT, 'bin/ringfence.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('bin/ringfence.js', () => {
  it('loads the cached bundle of cli/main.ts after a first run, with the same output as the sources', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ringfence-main-bundle-'));
    try {
      const args = ['scan', '--json', '--no-ocr', '--jobs', '2', join(ROOT, 'test/fixtures/eml'), ...(await corpusMbox(dir))];
      const sources = await run(args, { RINGFENCE_NO_BUNDLE: '1' });
      expect(sources.stdout.split('\n').length).toBeGreaterThan(4);

      const first = await run(args); // builds the bundle when the sources changed since the last one
      const bundle = await cachedBundle(join(ROOT, 'cli/main.ts'));
      expect(bundle).toMatch(/node_modules\/\.cache\/ringfence\/main-[0-9a-f]+\/main\.mjs$/);
      const second = await run(args); // from the bundle
      for (const out of [first, second]) {
        expect(out.code).toBe(sources.code);
        expect(out.stdout).toBe(sources.stdout);
        expect(out.stderr).toBe(sources.stderr);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('answers --help and unknown commands the same way from the bundle', async () => {
    await run(['--help']);
    for (const args of [['--help'], ['frobnicate'], ['scan']]) {
      const [bundled, sources] = await Promise.all([run(args), run(args, { RINGFENCE_NO_BUNDLE: '1' })]);
      expect(bundled).toEqual(sources);
    }
  }, 120_000);
});
