// Measures the scanner on the labelled corpus beside the checkout, heuristics only (no feed):
// the figures in the issue are what the product must reach before any feed knows a number.
import { describe, expect, it } from 'vitest';
import { readMessage } from '../../cli/read-message.ts';
import { scan } from '../../shared/scan.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import type { Verdict } from '../../shared/types.ts';
import { hasCorpus, readManifest, type CorpusEntry } from '../support/corpus.ts';

const policy = mergePolicy({ useBundledFeed: false }, undefined);
const flagged = (v: Verdict) => v.level === 'danger' || v.level === 'warning';

async function judgeAll(entries: CorpusEntry[]): Promise<Map<CorpusEntry, Verdict | Error>> {
  const out = new Map<CorpusEntry, Verdict | Error>();
  for (const entry of entries) {
    try {
      out.set(entry, await scan(await readMessage(entry.path), { policy, now: new Date('2026-11-25T00:00:00Z') }));
    } catch (error) {
      out.set(entry, error as Error);
    }
  }
  return out;
}

function describeVerdict(v: Verdict | Error): string {
  if (v instanceof Error) return `error: ${v.message}`;
  return `${v.level} [${v.reasons.map((r) => r.code).join(', ')}] phones=${v.phones.map((p) => p.e164).join(',')} brands=${v.brands.join(',')}`;
}

describe.skipIf(!hasCorpus)('corpus', () => {
  const manifest = hasCorpus ? readManifest() : [];
  const byLabel = (label: string) => manifest.filter((e) => e.label === label);
  let toad: Map<CorpusEntry, Verdict | Error>;

  it('flags at least 95% of callback scams (scam-toad)', async () => {
    toad = await judgeAll(byLabel('toad'));
    const misses = [...toad].filter(([, v]) => v instanceof Error || !flagged(v));
    const rate = 1 - misses.length / toad.size;
    console.log(`scam-toad flagged: ${toad.size - misses.length}/${toad.size} (${(rate * 100).toFixed(1)}%)`);
    for (const [entry, v] of misses) console.log(`  MISS ${entry.file}: ${describeVerdict(v)}`);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  }, 300_000);

  it('finds at least 98% of the numbers a careful reader finds in scam-toad', async () => {
    toad ??= await judgeAll(byLabel('toad'));
    let expected = 0;
    let found = 0;
    const misses: string[] = [];
    for (const [entry, v] of toad) {
      const got = new Set(v instanceof Error ? [] : v.phones.map((p) => p.e164));
      for (const number of entry.phones) {
        expected++;
        if (got.has(number)) found++;
        else misses.push(`  MISS ${entry.file}: ${number} (got ${[...got].join(',') || 'none'}) — ${entry.notes.slice(0, 160)}`);
      }
    }
    console.log(`scam-toad numbers found: ${found}/${expected} (${((found / expected) * 100).toFixed(1)}%)`);
    for (const line of misses) console.log(line);
    expect(found / expected).toBeGreaterThanOrEqual(0.98);
  }, 300_000);

  it('flags at most 1% of legitimate mail (ham)', async () => {
    const ham = await judgeAll(byLabel('ham'));
    const errors = [...ham].filter(([, v]) => v instanceof Error);
    const hits = [...ham].filter(([, v]) => !(v instanceof Error) && flagged(v));
    console.log(`ham flagged: ${hits.length}/${ham.size} (${((hits.length / ham.size) * 100).toFixed(1)}%), unreadable: ${errors.length}`);
    for (const [entry, v] of [...hits, ...errors]) console.log(`  FALSE ${entry.file}: ${describeVerdict(v)}`);
    expect(errors).toEqual([]);
    expect(hits.length / ham.size).toBeLessThanOrEqual(0.01);
  }, 300_000);

  it('flags at least 90% of abused SaaS notifications (scam-saas)', async () => {
    const saas = await judgeAll(byLabel('saas'));
    const misses = [...saas].filter(([, v]) => v instanceof Error || !flagged(v));
    const rate = 1 - misses.length / saas.size;
    console.log(`scam-saas flagged: ${saas.size - misses.length}/${saas.size} (${(rate * 100).toFixed(1)}%)`);
    for (const [entry, v] of misses) console.log(`  MISS ${entry.file}: ${describeVerdict(v)}`);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  }, 300_000);

  it('judges every other phishing message without error (scam-other, figures only)', async () => {
    const other = await judgeAll(byLabel('phish'));
    const errors = [...other].filter(([, v]) => v instanceof Error);
    const hits = [...other].filter(([, v]) => !(v instanceof Error) && flagged(v));
    console.log(`scam-other flagged: ${hits.length}/${other.size}`);
    expect(errors.map(([e, v]) => `${e.file}: ${describeVerdict(v)}`)).toEqual([]);
  }, 300_000);
});

if (!hasCorpus) console.warn('corpus test skipped: ../shared/corpus is not beside the checkout');
