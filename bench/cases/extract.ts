// extract-1mb: MB/s of extractPhones over ~1 MB of deterministic mail-like text (test/phone/mail-like-text.ts).
// Baseline: libphonenumber-js findPhoneNumbersInText(text, 'US') with the same `max` metadata, same text,
// same run. Checks that extractPhones finds every written phone the baseline finds, and reports no non-phone.
// Median of 7 alternating runs after warm-up.
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

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function time(run: () => unknown): Timing {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const cpu = process.cpuUsage(cpu0);
  return { wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * Runs both after two warm-up rounds, alternating so that both see the same load on a shared machine;
 * returns the median wall and CPU times of each over RUNS rounds.
 */
function race(ours: () => unknown, theirs: () => unknown): { ours: Timing; theirs: Timing } {
  for (let i = 0; i < 2; i += 1) {
    ours();
    theirs();
  }
  const a: Timing[] = [];
  const b: Timing[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    a.push(time(ours));
    b.push(time(theirs));
  }
  const mid = (ts: Timing[]) => ({ wallMs: median(ts.map((t) => t.wallMs)), cpuMs: median(ts.map((t) => t.cpuMs)) });
  return { ours: mid(a), theirs: mid(b) };
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

  const timing = race(
    () => extractPhones([{ id: 'body', text }]),
    () => findPhoneNumbersInText(text, 'US'),
  );
  const value = megabytes / (timing.ours.wallMs / 1000);
  const baseline = megabytes / (timing.theirs.wallMs / 1000);
  const cpuRatio = timing.theirs.cpuMs / timing.ours.cpuMs;
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
        `distinct numbers, 0 non-phones; median of ${RUNS} alternating runs; CPU time ${timing.ours.cpuMs.toFixed(0)} ms ` +
        `vs ${timing.theirs.cpuMs.toFixed(0)} ms (ratio ${cpuRatio.toFixed(2)})`,
    },
  ];
}
