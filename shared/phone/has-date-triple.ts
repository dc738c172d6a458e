import type { DigitChain } from './digit-chain.ts';
import type { NormalizedText } from './normalized-text.ts';

const SLASH = 0x2f;
const DOT = 0x2e;
const HYPHEN = 0x2d;

/** The one separator character between groups g and g+1, or -1 when the gap is anything else. */
function soleSeparator(t: NormalizedText, c: DigitChain, g: number): number {
  const from = c.end[g]!;
  return c.start[g + 1]! - from === 1 ? t.codes[from]! : -1;
}

function valueOf(t: NormalizedText, c: DigitChain, g: number): number {
  let v = 0;
  for (let p = c.start[g]!; p < c.end[g]!; p += 1) v = v * 10 + (t.codes[p]! - 0x30);
  return v;
}

function isDayMonth(a: number, b: number): boolean {
  return a >= 1 && b >= 1 && ((a <= 12 && b <= 31) || (a <= 31 && b <= 12));
}

/**
 * True when groups i..k hold a calendar date written d/m/y or m/d/y ("06/23/2000", "7.3.2001", "1-5-99"):
 * day and month of one or two digits, a year of two or four, the same tight separator twice. Inside a
 * digit run that otherwise adds up to ten digits ("v2.4 - 06/23/2000") it is a date, never part of a phone.
 */
export function hasDateTriple(t: NormalizedText, c: DigitChain, i: number, k: number): boolean {
  for (let g = i; g + 2 <= k; g += 1) {
    if (c.size(g) > 2 || c.size(g + 1) > 2) continue;
    const year = c.size(g + 2);
    if (year !== 2 && year !== 4) continue;
    const sep = soleSeparator(t, c, g);
    if ((sep !== SLASH && sep !== DOT && sep !== HYPHEN) || soleSeparator(t, c, g + 1) !== sep) continue;
    if (isDayMonth(valueOf(t, c, g), valueOf(t, c, g + 1))) return true;
  }
  return false;
}
