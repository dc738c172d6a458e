import { describe, expect, it } from 'vitest';
import { decimalDigitValue } from '../../shared/phone/decimal-digit-value.ts';

describe('Unicode decimal digit table', () => {
  it('matches \\p{Nd} for every code point, with values 0-9 in order', () => {
    const nd = /\p{Nd}/u;
    let expected = 0;
    for (let cp = 0; cp < 0x110000; cp += 1) {
      const isDigit = nd.test(String.fromCodePoint(cp));
      const value = decimalDigitValue(cp);
      if (!isDigit) {
        if (value !== -1) throw new Error(`U+${cp.toString(16)} is not Nd but reads as ${value}`);
        expected = 0;
        continue;
      }
      if (value !== expected % 10) throw new Error(`U+${cp.toString(16)} reads ${value}, expected ${expected % 10}`);
      expected += 1;
    }
    expect(decimalDigitValue(0x1d7ce)).toBe(0);
    expect(decimalDigitValue(0x1d7ff)).toBe(9);
    expect(decimalDigitValue(0xff15)).toBe(5);
  });
});
