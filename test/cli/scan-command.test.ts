// Runs the real `ringfence` binary (bin/ringfence.js) as an analyst would.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ringfence } from './support/run-ringfence.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test/fixtures/eml');

const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('ringfence scan', () => {
  it('prints one JSON object per message and exits 1 when a file cannot be parsed', async () => {
    const { code, stdout } = await ringfence('scan', '--json', fixtures);
    const out = lines(stdout);
    const byFile = new Map(out.map((o) => [String(o.file).split('/').pop(), o]));
    expect(out).toHaveLength(4);
    expect(byFile.get('not-an-email.eml')).toEqual({ file: join(fixtures, 'not-an-email.eml'), error: expect.any(String) });
    const norton = byFile.get('norton-renewal-callback.eml')!;
    expect(norton.level).toBe('warning');
    expect(norton.phones).toEqual([expect.objectContaining({ e164: '+18047134598' })]);
    expect(norton.brands).toContain('Norton');
    expect((norton.reasons as { code: string }[]).map((r) => r.code)).toContain('brand-callback-lure');
    const calendar = byFile.get('paypal-calendar-invite.eml')!;
    expect(calendar.phones).toEqual([expect.objectContaining({ e164: '+18594899247' })]);
    expect(['warning', 'danger']).toContain(calendar.level);
    expect(byFile.get('colleague-signature.eml')!.level).toBe('none');
    expect(code).toBe(1);
  }, 60_000);

  it('exits 0 when every file was judged, and prints a readable summary without --json', async () => {
    const { code, stdout } = await ringfence('scan', join(fixtures, 'norton-renewal-callback.eml'), join(fixtures, 'colleague-signature.eml'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^WARNING .*norton-renewal-callback\.eml\s+\+18047134598/m);
    expect(stdout).toMatch(/2 messages: 0 danger, 1 warning, 0 caution, 1 none, 0 unreadable/);
  }, 60_000);

  it('exits 2 for bad arguments', async () => {
    expect((await ringfence('scan')).code).toBe(2);
    expect((await ringfence('scan', '--bogus', fixtures)).code).toBe(2);
    expect((await ringfence('frobnicate')).code).toBe(2);
  }, 60_000);

  it('reports a missing file as an error line and goes on', async () => {
    const { code, stdout } = await ringfence('scan', '--json', join(fixtures, 'missing.eml'), join(fixtures, 'colleague-signature.eml'));
    const out = lines(stdout);
    expect(out[0]).toEqual({ file: join(fixtures, 'missing.eml'), error: expect.stringMatching(/no such file/) });
    expect(out[1]).toMatchObject({ level: 'none' });
    expect(code).toBe(1);
  }, 60_000);

  it('marks a number the policy trusts; trust does not silence the lure around it (#10.1)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ringfence-policy-'));
    const policyFile = join(dir, 'policy.json');
    await writeFile(policyFile, JSON.stringify({ trustedNumbers: ['+1 804 713 4598'], useBundledFeed: false }));
    const { stdout } = await ringfence('scan', '--json', '--policy', policyFile, join(fixtures, 'norton-renewal-callback.eml'));
    const [norton] = lines(stdout);
    expect(norton!.phones).toEqual([expect.objectContaining({ e164: '+18047134598', trusted: true })]);
    expect((norton!.reasons as { code: string }[]).map((r) => r.code)).toContain('brand-callback-lure');
    await rm(dir, { recursive: true, force: true });
  }, 60_000);
});
