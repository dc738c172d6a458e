import { normalizeNumber } from '../feed/normalize-number.ts';

/** The policy's trusted numbers as a set of E.164 strings, read like feed entries; entries that are not numbers are ignored. */
export function normaliseTrustedNumbers(numbers: readonly string[], defaultRegion: string): Set<string> {
  const out = new Set<string>();
  for (const raw of numbers) {
    const e164 = typeof raw === 'string' ? normalizeNumber(raw, defaultRegion) : undefined;
    if (e164) out.add(e164);
  }
  return out;
}
