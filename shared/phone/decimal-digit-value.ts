import { DECIMAL_DIGIT_BLOCKS } from './unicode-digits.ts';

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
