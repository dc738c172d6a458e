// The scan pool's V8 tiering flags (cli/pool/jit-tuning.ts) change how fast, never what: a scan prints the
// same with V8's defaults (RINGFENCE_JIT_DEFAULTS=1).
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tuneJit } from '../../cli/pool/jit-tuning.ts';
import { ROOT } from './support/run-ringfence.ts';
import { corpusMbox } from './support/corpus-mbox.ts';

const exec = promisify(execFile);

async function scan(args: string[], env: Record<string, string>): Promise<string> {
  const run = exec('node', [join(ROOT, 'bin/ringfence.js'), 'scan', '--json', '--no-ocr', ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  return run.then((r) => r.stdout, (e: { stdout: string }) => e.stdout);
}

describe('JIT tuning', () => {
  it('is applied once, and not at all with RINGFENCE_JIT_DEFAULTS=1', () => {
    expect(tuneJit({ RINGFENCE_JIT_DEFAULTS: '1' })).toBe(false);
    expect(tuneJit({})).toBe(true);
    expect(tuneJit({})).toBe(false);
  });

  it('leaves scan output as it is with V8 defaults', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ringfence-jit-'));
    try {
      const args = ['--jobs', '2', join(ROOT, 'test/fixtures/eml'), ...(await corpusMbox(dir, 6))];
      const [tuned, defaults] = [await scan(args, {}), await scan(args, { RINGFENCE_JIT_DEFAULTS: '1' })];
      expect(tuned.split('\n').length).toBeGreaterThan(4);
      expect(tuned).toBe(defaults);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
