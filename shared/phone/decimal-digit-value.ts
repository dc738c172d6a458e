import { COMPATIBILITY_DIGIT_RUNS, DECIMAL_DIGIT_BLOCKS } from './unicode-digits.ts';

/** Value 0..9 of a Unicode decimal digit (any script, full-width, mathematical), or -1. */
export function decimalDigitValue(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (cp < 0x660) return -1;
  for (const [first, length] of DECIMAL_DIGIT_BLOCKS) {
    if (cp < first) return -1;
    if (cp < first + length) return (cp - first) % 10;
  }
  return -1;
}

/** Value 0..9 of a character that NFKC reads as one digit (decimal digits, superscripts, circled ...), or -1. */
export function digitValue(cp: number): number {
  const value = decimalDigitValue(cp);
  if (value >= 0 || cp < 0xb2) return value;
  for (const [first, firstValue, count] of COMPATIBILITY_DIGIT_RUNS) {
    if (cp >= first && cp < first + count) return firstValue + (cp - first);
  }
  return -1;
}
