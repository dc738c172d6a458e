// Measures the scanner on the labelled corpus beside the checkout, heuristics only (no feed), on each split:
// `tune` (rules are written looking at it) and `validate` (kept unseen, only measured). The figures in the
// issue are what the product must reach before any feed knows a number.
import { describe, expect, it } from 'vitest';
import { readMessage } from '../../cli/read-message.ts';
import { scan } from '../../shared/scan.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import type { Verdict } from '../../shared/types.ts';
import type { Split } from '../../cli/eval/split-by-hash.ts';
import { hasCorpus, readManifest, type CorpusEntry } from '../support/corpus.ts';

const policy = mergePolicy({ useBundledFeed: false }, undefined);
const flagged = (v: Verdict | Error) => !(v instanceof Error) && (v.level === 'danger' || v.level === 'warning');

const judged = new Map<CorpusEntry, Verdict | Error>();
async function judgeAll(entries: CorpusEntry[]): Promise<Map<CorpusEntry, Verdict | Error>> {
  const out = new Map<CorpusEntry, Verdict | Error>();
  for (const entry of entries) {
    let verdict = judged.get(entry);
    if (!verdict) {
      try {
        verdict = await scan(await readMessage(entry.path), { policy, now: new Date('2026-11-25T00:00:00Z') });
      } catch (error) {
        verdict = error as Error;
      }
      judged.set(entry, verdict);
    }
    out.set(entry, verdict);
  }
  return out;
}

function describeVerdict(v: Verdict | Error): string {
  if (v instanceof Error) return `error: ${v.message}`;
  return `${v.level} [${v.reasons.map((r) => r.code).join(', ')}] phones=${v.phones.map((p) => p.e164).join(',')} brands=${v.brands.join(',')}`;
}

describe.skipIf(!hasCorpus)('corpus', () => {
  const manifest = hasCorpus ? readManifest() : [];
  const select = (label: string, split?: Split) => manifest.filter((e) => e.label === label && (!split || e.split === split));

  for (const split of ['tune', 'validate'] as const) {
    describe(`${split} split`, () => {
      for (const [label, name] of [['toad', 'callback scams (scam-toad)'], ['saas', 'abused SaaS notifications (scam-saas)']] as const) {
        it(`flags at least 95% of ${name}`, async () => {
          const results = await judgeAll(select(label, split));
          const misses = [...results].filter(([, v]) => !flagged(v));
          const rate = 1 - misses.length / results.size;
          console.log(`${split} ${label} flagged: ${results.size - misses.length}/${results.size} (${(rate * 100).toFixed(1)}%)`);
          if (split === 'tune') for (const [entry, v] of misses) console.log(`  MISS ${entry.file}: ${describeVerdict(v)}`);
          expect(results.size).toBeGreaterThan(0);
          expect(rate).toBeGreaterThanOrEqual(0.95);
        }, 300_000);
      }

      it('flags at most 0.5% of legitimate mail (ham)', async () => {
        const ham = await judgeAll(select('ham', split));
        const errors = [...ham].filter(([, v]) => v instanceof Error);
        const hits = [...ham].filter(([, v]) => flagged(v));
        const withPhone = [...ham].filter(([, v]) => !(v instanceof Error) && v.phones.length > 0);
        console.log(`${split} ham flagged: ${hits.length}/${ham.size} (${((hits.length / ham.size) * 100).toFixed(1)}%), ` +
          `with a phone number: ${withPhone.filter(([, v]) => flagged(v)).length}/${withPhone.length}, unreadable: ${errors.length}`);
        if (split === 'tune') for (const [entry, v] of [...hits, ...errors]) console.log(`  FALSE ${entry.file}: ${describeVerdict(v)}`);
        expect(errors).toEqual([]);
        expect(hits.length / ham.size).toBeLessThanOrEqual(0.005);
      }, 300_000);
    });
  }

  it('finds at least 98% of the numbers a careful reader finds in scam-toad', async () => {
    const toad = await judgeAll(select('toad'));
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

  it('judges every other phishing message without error (scam-other, figures only)', async () => {
    const other = await judgeAll(select('phish'));
    const errors = [...other].filter(([, v]) => v instanceof Error);
    const hits = [...other].filter(([, v]) => flagged(v));
    console.log(`scam-other flagged: ${hits.length}/${other.size}`);
    expect(errors.map(([e, v]) => `${e.file}: ${describeVerdict(v)}`)).toEqual([]);
  }, 300_000);
});

if (!hasCorpus) console.warn('corpus test skipped: ../shared/corpus is not beside the checkout');
