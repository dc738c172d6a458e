import { BULLET, isBullet, isInvisible, isOddDash, isPlainHyphen, isUnicodeLineBreak, isUnicodeSpace } from './char-classes.ts';
import { digitValue } from './decimal-digit-value.ts';
import { ODD_CHAR, WIDE, type NormalizedText } from './normalized-text.ts';
import { substituteLetterDigits } from './substitute-letter-digits.ts';

const SPACE = 0x20;
const NEWLINE = 0x0a;
const OBJECT = 0xfffc; // stands for any astral character that is not a digit

/**
 * One linear pass: drops invisible characters, maps Unicode digits and full-width forms to ASCII, spaces to
 * ' ', line breaks (CRLF counted once) to '\n', dashes to '-', bullets to '•'; then letters used as digits.
 */
export function normalizeText(text: string): NormalizedText {
  const n = text.length;
  const codes = new Uint16Array(n);
  const flags = new Uint8Array(n);
  let m = 0;
  let pendingOdd = 0;
  const shiftStarts = [0];
  const shifts = [0];
  let shift = 0;
  for (let i = 0; i < n; ) {
    let c = text.charCodeAt(i);
    let width = 1;
    let mark = 0;
    if (c < 0x80) {
      if (c === 0x0d) {
        c = NEWLINE;
        if (text.charCodeAt(i + 1) === NEWLINE) width = 2;
      } else if (c === 0x09 || c === 0x0b || c === 0x0c) {
        c = SPACE;
      }
    } else if (isInvisible(c)) {
      pendingOdd = 1;
      i += 1;
      continue;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        width = 2;
        const digit = digitValue(cp);
        if (digit >= 0) {
          c = 0x30 + digit;
          mark = 1;
        } else if (cp >= 0xe0000 && cp <= 0xe007f) {
          pendingOdd = 1; // tag characters: invisible
          i += 2;
          continue;
        } else {
          c = OBJECT;
        }
      }
    } else if (isUnicodeSpace(c)) {
      c = SPACE;
    } else if (isUnicodeLineBreak(c)) {
      c = NEWLINE;
    } else if (isPlainHyphen(c)) {
      c = 0x2d;
    } else if (isOddDash(c) || c === 0xff0d) {
      c = 0x2d;
      mark = 1;
    } else if (isBullet(c)) {
      c = BULLET;
      mark = 1;
    } else if (c >= 0xff01 && c <= 0xff5e) {
      c -= 0xfee0;
      mark = 1;
    } else {
      const digit = digitValue(c);
      if (digit >= 0) {
        c = 0x30 + digit;
        mark = 1;
      }
    }
    codes[m] = c;
    if (i - m !== shift) {
      shift = i - m;
      shiftStarts.push(m);
      shifts.push(shift);
    }
    flags[m] = (mark | pendingOdd ? ODD_CHAR : 0) | (width === 2 ? WIDE : 0);
    pendingOdd = 0;
    m += 1;
    i += width;
  }
  const normalized: NormalizedText = { codes, flags, length: m, shiftStarts, shifts };
  substituteLetterDigits(normalized);
  return normalized;
}
