// extract-1mb: MB/s of extractPhones over ~1 MB of deterministic mail-like text (test/phone/mail-like-text.ts).
// Baseline: libphonenumber-js findPhoneNumbersInText(text, 'US') with the same `max` metadata, same text,
// same run. Checks that extractPhones finds every number the baseline finds. Median of 7 runs after warm-up.
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { extractPhones } from '../../shared/phone/index.ts';
import { mailLikeText } from '../../test/phone/mail-like-text.ts';
import type { BenchResult } from '../types.ts';

const SIZE = 1 << 20;
const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median MB/s of `run` over RUNS timed runs, after two warm-up runs. */
function throughput(megabytes: number, run: () => unknown): number {
  run();
  run();
  const rates: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    run();
    rates.push(megabytes / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}

export default async function (): Promise<BenchResult[]> {
  const { text, plain, obfuscated } = mailLikeText(SIZE);
  const megabytes = text.length / 1e6;
  const ours = new Set(extractPhones([{ id: 'body', text }]).phones.map((p) => p.e164));
  const theirs = findPhoneNumbersInText(text, 'US').map((f) => f.number.number as string);
  const written = new Set([...plain, ...obfuscated]);
  // The baseline also reports ids inside URLs, invoice ids and date/order runs that happen to be valid
  // numbers; those are non-phones by design. Every written phone it finds must be found here too.
  const theirPhones = theirs.filter((n) => written.has(n));
  const missed = [...new Set(theirPhones)].filter((n) => !ours.has(n));
  if (missed.length > 0) throw new Error(`extractPhones missed ${missed.length} numbers the baseline found: ${missed.slice(0, 10).join(', ')}`);
  const junk = [...ours].filter((n) => !written.has(n));
  if (junk.length > 0) throw new Error(`extractPhones reported ${junk.length} numbers that were never written as phones: ${junk.slice(0, 10).join(', ')}`);
  const plainFound = new Set(plain.filter((n) => ours.has(n))).size;
  const obfuscatedFound = new Set(obfuscated.filter((n) => ours.has(n))).size;

  const value = throughput(megabytes, () => extractPhones([{ id: 'body', text }]));
  const baseline = throughput(megabytes, () => findPhoneNumbersInText(text, 'US'));
  return [
    {
      name: 'extract-1mb',
      unit: 'MB/s',
      value,
      baseline,
      ratio: value / baseline,
      baselineName: "libphonenumber-js/max findPhoneNumbersInText(text, 'US')",
      note:
        `${megabytes.toFixed(2)} MB; baseline: ${theirs.length} findings, ${theirPhones.length} of them written phones ` +
        `(all found by extractPhones), ${theirs.length - theirPhones.length} ids/dates in URLs, invoices, orders; ` +
        `extractPhones: ${plainFound}/${new Set(plain).size} plain + ${obfuscatedFound}/${new Set(obfuscated).size} obfuscated ` +
        `distinct numbers, 0 non-phones`,
    },
  ];
}
