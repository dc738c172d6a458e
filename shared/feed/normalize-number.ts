import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { looksLikePhoneNumber } from './number-shape.ts';

/**
 * E.164 form of a number written any usual way, or undefined when it is not a valid number. Reads the same
 * /max metadata as the scanner (shared/phone), so a feed entry and a scanned number normalise alike.
 */
export function normalizeNumber(raw: string, defaultRegion = 'US'): string | undefined {
  const text = raw.trim();
  if (text.length === 0 || text.length > 64 || !looksLikePhoneNumber(text)) return undefined;
  // extract: false — the whole field must be the number, not text that merely contains one.
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: defaultRegion.toUpperCase() as CountryCode, extract: false });
  if (!parsed || !parsed.isValid()) return undefined;
  return parsed.number;
}
