import { ID_WORDS, PHONE_LETTERS, PHONE_WORDS } from './context-words.ts';
import { isLetter } from './is-letter.ts';
import type { NormalizedText } from './normalized-text.ts';

export type Label = 'phone' | 'id' | 'none';

const LOOKBACK = 48;
const MAX_WORDS = 6;

/** Characters that end a field or sentence: a label before them does not name the number. */
function isStop(c: number): boolean {
  return c === 0x21 || c === 0x3f || c === 0x3b || c === 0x7c || c === 0x3e || c === 0x3d; // ! ? ; | > =
}

/** "T: 800…", "m. 800…", "(p) 800…": a standalone letter, then at most 3 characters of ':', '.', ')', space. */
function isLetterLabel(codes: Uint16Array, before: number, wordEnd: number, at: number): boolean {
  if (before >= 0) {
    const c = codes[before]!;
    if ((c >= 0x30 && c <= 0x39) || c === 0x27 || c === 0x2019) return false; // "999d", "don't"
  }
  if (at - wordEnd > 3) return false;
  for (let q = wordEnd; q < at; q += 1) {
    const c = codes[q]!;
    if (c !== 0x3a && c !== 0x2e && c !== 0x20 && c !== 0x29) return false;
  }
  return true;
}

/**
 * What the words just before a number call it: a phone ("Call us at"), an id ("Invoice #:"), or nothing.
 * Reads backwards at most LOOKBACK characters and MAX_WORDS words, stopping at a sentence or field end
 * ("…your order. 800…", "…| 800…") or a blank line.
 */
export function readLabel(t: NormalizedText, at: number): Label {
  const { codes } = t;
  const floor = Math.max(0, at - LOOKBACK);
  let words = 0;
  let p = at - 1;
  while (p >= floor && words < MAX_WORDS) {
    const c = codes[p]!;
    if (c === 0x23) {
      words += 1; // '#' is a filler word
      p -= 1;
      continue;
    }
    if (!isLetter(c)) {
      if (isStop(c)) return 'none';
      if (c === 0x0a && p > 0 && codes[p - 1] === 0x0a) return 'none';
      p -= 1;
      continue;
    }
    const wordEnd = p + 1;
    while (p >= floor && isLetter(codes[p]!)) p -= 1;
    // A full stop after a word of 4+ letters ends a sentence ("order. "), after "Tel." or "No." it does not.
    if (wordEnd - (p + 1) >= 4 && codes[wordEnd] === 0x2e && (codes[wordEnd + 1] === 0x20 || codes[wordEnd + 1] === 0x0a) && wordEnd + 1 < at) {
      return 'none';
    }
    let word = '';
    for (let q = p + 1; q < wordEnd; q += 1) word += String.fromCharCode(codes[q]!);
    word = word.toLowerCase();
    if (PHONE_WORDS.has(word)) return 'phone';
    if (ID_WORDS.has(word)) return 'id';
    if (words === 0 && PHONE_LETTERS.has(word) && isLetterLabel(codes, p, wordEnd, at)) return 'phone';
    words += 1;
  }
  return 'none';
}
