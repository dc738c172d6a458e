import { normalizeNumber } from './normalize-number.ts';
import { plainNationalNumber, splitCallingCode } from './national-length.ts';

const CANONICAL_E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The key a feed entry's number is stored under. A number already written in canonical E.164 with a known
 * calling code and a possible length is taken as written (a million of them parse in about a second instead
 * of half a minute through libphonenumber); anything else goes through normalizeNumber. For every valid
 * number the key is the one the scanner looks up; a well-formed but invalid E.164 kept this way can never
 * match, because the scanner looks up valid numbers only.
 */
export function feedNumberKey(raw: string, defaultRegion: string): string | undefined {
  const text = raw.trim();
  if (CANONICAL_E164.test(text)) {
    const split = splitCallingCode(text);
    // A national part that may carry a trunk or carrier prefix ("+44 0 20…") goes through libphonenumber.
    if (split && plainNationalNumber(split.code, split.rest)) return text;
  }
  return normalizeNumber(text, defaultRegion);
}
