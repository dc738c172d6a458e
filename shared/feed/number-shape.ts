// A cheap look at a feed field before libphonenumber-js parses it (tens of µs a call): text that cannot be
// a phone number is refused in a single pass, so a feed of junk lines costs little more than reading it.

const MIN_DIGITS = 3;
const MAX_DIGITS = 25;
/** "ext", "extension", "x", "tel"… an extension marker is the only place a number holds letters. */
const MAX_LETTERS = 9;

/**
 * False when the text cannot be a phone number libphonenumber-js would accept: it must not start with a
 * letter, and holds 3 to 25 digits (any script) and at most a few letters. Never false for a valid number.
 */
export function looksLikePhoneNumber(text: string): boolean {
  let digits = 0;
  let letters = 0;
  let started = false;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (!started) {
      if (char === ' ' || char === '\t') continue;
      started = true;
      if (isLetter(char, code)) return false;
    }
    if (isDigit(char, code)) {
      if (++digits > MAX_DIGITS) return false;
    } else if (isLetter(char, code) && ++letters > MAX_LETTERS) return false;
  }
  return digits >= MIN_DIGITS;
}

const DIGIT = /\p{Nd}/u;
const LETTER = /\p{L}/u;

function isDigit(char: string, code: number): boolean {
  if (code < 0x80) return code >= 0x30 && code <= 0x39;
  return DIGIT.test(char);
}

function isLetter(char: string, code: number): boolean {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return LETTER.test(char);
}
