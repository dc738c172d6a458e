// The feed and the scanner must turn the same written number into the same E.164 key (or both refuse it):
// a feed entry the scanner normalises differently can never match. Both read libphonenumber-js's /max metadata.
import { describe, expect, it } from 'vitest';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { normalizeNumber } from '../../shared/feed/normalize-number.ts';
import { feedNumberKey } from '../../shared/feed/feed-number-key.ts';
import { looksLikePhoneNumber } from '../../shared/feed/number-shape.ts';
import { createNumberLookup } from '../../shared/phone/lookup-number.ts';

/** Deterministic pseudo-random numbers (mulberry32), so a failure names a reproducible case. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = getCountries();

function scannerKey(text: string, region: string): string | undefined {
  const facts = createNumberLookup(region)(text);
  return facts?.valid ? facts.e164 : undefined;
}

describe('feed and scanner normalise numbers alike', () => {
  it('agrees on 5,000 random international numbers', () => {
    const next = random(1);
    const disagreements: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const country = COUNTRIES[Math.floor(next() * COUNTRIES.length)]!;
      const length = 6 + Math.floor(next() * 7);
      let national = String(1 + Math.floor(next() * 9));
      while (national.length < length) national += String(Math.floor(next() * 10));
      const text = `+${getCountryCallingCode(country)}${national}`;
      const feed = normalizeNumber(text, 'US');
      const scanner = scannerKey(text, 'US');
      if (feed !== scanner) disagreements.push(`${text}: feed ${feed}, scanner ${scanner}`);
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
  });

  it('agrees on 3,000 random national numbers written with their region', () => {
    const next = random(2);
    const disagreements: string[] = [];
    for (let i = 0; i < 3_000; i++) {
      const country = COUNTRIES[Math.floor(next() * COUNTRIES.length)]! as CountryCode;
      let national = String(Math.floor(next() * 10));
      const length = 5 + Math.floor(next() * 8);
      while (national.length < length) national += String(Math.floor(next() * 10));
      const text = `${national.slice(0, 3)} ${national.slice(3)}`;
      const feed = normalizeNumber(text, country);
      const scanner = scannerKey(text, country);
      if (feed !== scanner) disagreements.push(`${country} ${text}: feed ${feed}, scanner ${scanner}`);
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
  });
});

describe('feed keys for numbers already in E.164 (no libphonenumber parse)', () => {
  it('key every number the scanner finds valid exactly as the scanner does (10,000 random numbers)', () => {
    const next = random(4);
    let valid = 0;
    const disagreements: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const country = COUNTRIES[Math.floor(next() * COUNTRIES.length)]!;
      let national = String(Math.floor(next() * 10));
      const length = 6 + Math.floor(next() * 7);
      while (national.length < length) national += String(Math.floor(next() * 10));
      const text = `+${getCountryCallingCode(country)}${national}`;
      const scanner = scannerKey(text, 'US');
      const feed = feedNumberKey(text, 'US');
      if (scanner) valid++;
      // Valid for the scanner: the same key. Refused by the feed: refused by the scanner too.
      if ((scanner && feed !== scanner) || (!feed && scanner)) disagreements.push(`${text}: feed ${feed}, scanner ${scanner}`);
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    expect(valid).toBeGreaterThan(400);
  });

  it('parses anything else (national form, trunk prefix, unknown code) with libphonenumber', () => {
    expect(feedNumberKey('+44 20 7946 0958', 'US')).toBe('+442079460958');
    expect(feedNumberKey('+4402079460958', 'US')).toBe(normalizeNumber('+4402079460958', 'US'));
    expect(feedNumberKey('+9991234567', 'US')).toBeUndefined();
    expect(feedNumberKey('+1202555', 'US')).toBeUndefined();
    expect(feedNumberKey('(202) 555-0143', 'US')).toBe(normalizeNumber('(202) 555-0143', 'US'));
  });
});

describe('the cheap shape check before libphonenumber', () => {
  it('never refuses text libphonenumber reads as a valid number (10,000 mutated numbers)', () => {
    const next = random(3);
    const noise = ' +-().,/#xX;=extaionbcz٤７＋0123456789';
    const bases = ['+1 804 713 4598', '(202) 555 0143', '+44 20 7946 0958', '+٤٤٧٤٠٠١٢٣٤٥٦', '８０４７１３４５９８', '+33 1 42 68 53 00'];
    let valid = 0;
    for (let i = 0; i < 10_000; i++) {
      const chars = [...bases[Math.floor(next() * bases.length)]!];
      const edits = Math.floor(next() * 5);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * (chars.length + 1));
        if (next() < 0.3) chars.splice(at, 1);
        else chars.splice(at, 0, noise[Math.floor(next() * noise.length)]!);
      }
      const text = chars.join('');
      const parsed = parsePhoneNumberFromString(text, { defaultCountry: 'US', extract: false });
      if (parsed?.isValid()) {
        valid++;
        expect(looksLikePhoneNumber(text), text).toBe(true);
      }
    }
    expect(valid).toBeGreaterThan(1_000);
  });

  it('refuses words, long digit runs and empty text without calling libphonenumber', () => {
    for (const text of ['nope', 'junk line number 12345', '', '   ', 'call +18047134598', '1'.repeat(40), '++--()']) {
      expect(looksLikePhoneNumber(text), text).toBe(false);
    }
    for (const text of ['+18047134598', '(804) 713-4598', '+1 804 713 4598 ext. 123', '+٤٤٧٤٠٠١٢٣٤٥٦', '７０１２']) {
      expect(looksLikePhoneNumber(text), text).toBe(true);
    }
  });
});
