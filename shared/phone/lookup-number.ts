import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { LineType } from '../types.ts';
import { lineTypeOf } from './line-type.ts';

/** What libphonenumber-js says about one number, computed once per extraction. */
export interface NumberFacts {
  e164: string;
  valid: boolean;
  nationalNumber: string;
  region?: string;
  lineType: LineType;
}

/** Reads a number: "+CC…" in international form, or national digits with the default region. */
export type NumberLookup = (text: string) => NumberFacts | undefined;

export function createNumberLookup(region: string): NumberLookup {
  const cache = new Map<string, NumberFacts | undefined>();
  const country = region as Parameters<typeof parsePhoneNumberFromString>[1];
  return (text) => {
    if (cache.has(text)) return cache.get(text);
    const parsed = parsePhoneNumberFromString(text, country);
    let facts: NumberFacts | undefined;
    if (parsed !== undefined) {
      const valid = parsed.isValid();
      facts = {
        e164: parsed.number,
        valid,
        nationalNumber: parsed.nationalNumber,
        lineType: valid ? lineTypeOf(parsed.getType()) : 'unknown',
      };
      if (parsed.country) facts.region = parsed.country;
    }
    cache.set(text, facts);
    return facts;
  };
}
