// Runs the real `ringfence eval` binary on a small labelled set (test/fixtures/eval).
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseLabels } from '../../cli/eval/read-labels.ts';
import { tally } from '../../cli/eval/tally.ts';
import type { Verdict } from '../../shared/types.ts';
import { ringfence } from './support/run-ringfence.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const set = join(root, 'test/fixtures/eval');
const policy = join(root, 'cli/eval/heuristics-only.policy.json');

interface Report {
  labels: { label: string; flagged: number; total: number; errors: number }[];
  reasons: { code: string; byLabel: Record<string, number>; fired: number; precision: number }[];
  misses: { file: string; label: string; split: string; level: string }[];
  falseAlarms: { file: string; level: string; reasons: string[] }[];
}

describe('ringfence eval', () => {
  it('reports per label, per reason precision, misses and false alarms as one JSON document', async () => {
    const { code, stdout } = await ringfence('eval', '--json', '--policy', policy, '--labels', join(set, 'MANIFEST.tsv'), set);
    const doc = JSON.parse(stdout) as { split: string; splits: Record<string, Report> };
    expect(doc.split).toBe('all');
    expect(Object.keys(doc.splits)).toEqual(['tune', 'validate', 'all']);
    const all = doc.splits.all!;
    const label = (name: string) => all.labels.find((l) => l.label === name);
    expect(label('toad')).toMatchObject({ flagged: 1, total: 1 });
    expect(label('phish')).toMatchObject({ flagged: 0, total: 1 });
    expect(label('ham')).toMatchObject({ flagged: 1, total: 4, errors: 1 });
    const lure = all.reasons.find((r) => r.code === 'brand-callback-lure')!;
    expect(lure.byLabel).toEqual({ toad: 1, ham: 1 });
    expect(lure.precision).toBe(0.5);
    expect(all.misses.map((m) => m.file)).toEqual(['mail/password-phish.eml']);
    expect(all.falseAlarms.map((f) => f.file).sort()).toEqual(['mail/mislabelled-callback.eml', 'mail/missing.eml']);
    expect(all.falseAlarms.find((f) => f.file === 'mail/missing.eml')!.level).toBe('error');
    // The split of each file is a stable hash of its name: the renewal lands in validate, the rest in tune.
    expect(doc.splits.validate!.labels).toEqual([expect.objectContaining({ label: 'toad', total: 1 })]);
    expect(code).toBe(1); // one labelled file could not be read
  }, 60_000);

  it('prints readable tables, and --split keeps only that split', async () => {
    const { stdout } = await ringfence('eval', '--split', 'tune', '--policy', policy, '--labels', join(set, 'MANIFEST.tsv'), set);
    expect(stdout).toMatch(/^== tune: 5 files ==/);
    expect(stdout).not.toMatch(/== validate/);
    expect(stdout).toMatch(/^ham\s+1\s+4\s+25\.0%/m);
    expect(stdout).toMatch(/^misses \(1\):\n\s+none\s+phish\s+mail\/password-phish\.eml/m);
    expect(stdout).toMatch(/false alarms \(2\):/);
  }, 60_000);

  it('exits 2 for bad arguments', async () => {
    expect((await ringfence('eval', set)).code).toBe(2);
    expect((await ringfence('eval', '--labels', join(set, 'MANIFEST.tsv'))).code).toBe(2);
    expect((await ringfence('eval', '--split', 'half', '--labels', join(set, 'MANIFEST.tsv'), set)).code).toBe(2);
  }, 60_000);
});

describe('labels and tally', () => {
  it('reads a manifest with or without a header and refuses rows without a label', () => {
    expect(parseLabels('notes\tlabel\tfile\nx\tham\ta.eml\n')).toEqual([{ file: 'a.eml', label: 'ham' }]);
    expect(parseLabels('# comment\na.eml\tspam\n\nb.eml\tham\n')).toEqual([{ file: 'a.eml', label: 'spam' }, { file: 'b.eml', label: 'ham' }]);
    expect(() => parseLabels('a.eml\n')).toThrow(/expected a file and a label/);
  });

  it('computes a reason\'s precision as fired on non-ham over fired in all', () => {
    const verdict = (codes: string[], level: Verdict['level']): Verdict => ({ level, reasons: codes.map((code) => ({ code, message: code })), phones: [], brands: [] });
    const report = tally([
      { file: 'a', label: 'scam', split: 'tune', verdict: verdict(['x', 'y'], 'warning') },
      { file: 'b', label: 'ham', split: 'tune', verdict: verdict(['x'], 'caution') },
      { file: 'c', label: 'ham', split: 'tune', verdict: verdict(['x', 'x'], 'none') },
      { file: 'd', label: 'other', split: 'tune', verdict: verdict([], 'none') },
    ]);
    expect(report.reasons).toEqual([
      { code: 'x', byLabel: { scam: 1, ham: 2 }, fired: 3, precision: 1 / 3 },
      { code: 'y', byLabel: { scam: 1 }, fired: 1, precision: 1 },
    ]);
    expect(report.misses.map((m) => m.file)).toEqual(['d']);
    expect(report.falseAlarms).toEqual([]);
  });
});
