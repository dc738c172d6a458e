import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** The policy's trusted numbers as a set of E.164 strings; entries that are not numbers are ignored. */
export function normaliseTrustedNumbers(numbers: readonly string[], defaultRegion: string): Set<string> {
  const out = new Set<string>();
  for (const raw of numbers) {
    if (typeof raw !== 'string') continue;
    const parsed = parsePhoneNumberFromString(raw, defaultRegion as CountryCode);
    if (parsed?.isValid()) out.add(parsed.number);
  }
  return out;
}
