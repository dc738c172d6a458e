// What OCR makes of digits: S for 5, B for 8, long dashes, spaces inside groups. Read where safe, and no
// false numbers from words, product codes and seats.
import { describe, expect, it } from 'vitest';
import { e164s, only } from './extract-helpers.ts';

const N = '+18047134598';

describe('OCR confusions', () => {
  it.each([
    ['S for 5', '804-713-4S98'],
    ['B for 8', '804-713-459B'],
    ['S beside O and l', '8O4.7l3.4S98'],
    ['em dashes', '804—713—4598'],
    ['spaces inside groups', '80 4 713 45 98'],
    ['space around dashes', '804 - 713 - 4598'],
  ])('%s', (_name, written) => {
    const p = only(`Call ${written} now`);
    expect(p.e164).toBe(N);
  });

  it('reads B for 8 inside a group', () => {
    expect(only('Call 804-7B3-4598 now').e164).toBe('+18047834598');
  });

  it('marks S/B read as digits as obfuscation', () => {
    expect(only('Call 804-7l3-4S98 now').obfuscated).toBe(true);
    expect(only('Call 804-713-4S98 now').obfuscated).toBe(true);
  });

  it('leaves words with S and B alone', () => {
    expect(e164s('B2B S3 12B 1990s Apt 12B, 804 713')).toEqual([]);
    expect(e164s('Flight BA 2490 gate B12 seat 14B')).toEqual([]);
    expect(e164s('SKU 2S34B-119 ref 55BS, 80S tracks')).toEqual([]);
    expect(e164s('Bus S1 to B8, 2 x 4S batteries')).toEqual([]);
  });
});
