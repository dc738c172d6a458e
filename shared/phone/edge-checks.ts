import { isLetter } from './is-letter.ts';
import type { NormalizedText } from './normalized-text.ts';

const URL_SCAN = 256;

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

function isSpace(c: number | undefined): boolean {
  return c === undefined || c === 0x20 || c === 0x0a;
}

/** Characters that glue a digit run to something that is not a phone number: paths, queries, money, ids. */
const GLUE_BEFORE = new Set([...'_/\\=&@$€£¥%#~^`'].map((ch) => ch.charCodeAt(0)));
const GLUE_AFTER = new Set([...'_\\=@%€$'].map((ch) => ch.charCodeAt(0)));

/**
 * True when the character before `lead` ties the number to something else: "INV-8047134598", "id=…", "#…",
 * "$…", "1.5", "12:…". A letter right before is allowed for formatted numbers (HTML text loses spaces) but
 * not for a bare digit run.
 */
export function gluedBefore(t: NormalizedText, lead: number, bare: boolean): boolean {
  if (lead === 0) return false;
  const c = t.codes[lead - 1]!;
  if (GLUE_BEFORE.has(c)) return true;
  if (isLetter(c)) {
    if (bare) return true;
    // Letters that themselves follow a digit make a code ("999d6516-…", "A1B2 800-…"), not a label.
    let p = lead - 1;
    while (p > 0 && lead - p < 32 && isLetter(t.codes[p - 1]!)) p -= 1;
    return p > 0 && isDigit(t.codes[p - 1]);
  }
  if (c === 0x2e || c === 0x2c || c === 0x2d || c === 0x3a || c === 0x27) {
    const before = lead >= 2 ? t.codes[lead - 2] : undefined;
    return isDigit(before) || (before !== undefined && isLetter(before) && c !== 0x3a);
  }
  return false;
}

/** True when the character after the number ties it to more: "….56" decimals, "…@mail", "…/path", "%". */
export function gluedAfter(t: NormalizedText, end: number, bare: boolean): boolean {
  if (end >= t.length) return false;
  const c = t.codes[end]!;
  const next = t.codes[end + 1];
  if (GLUE_AFTER.has(c)) return true;
  if (c === 0x2f) return next !== undefined && !isSpace(next);
  if (isLetter(c)) {
    if ((c === 0x78 || c === 0x58) && isDigit(next)) return false; // extension "x132"
    if (bare) return true;
    // Letters followed by a digit make a code ("…42ce80b6"); "ext5" is an extension.
    let q = end;
    while (q < t.length && q - end < 32 && isLetter(t.codes[q]!)) q += 1;
    if (!isDigit(t.codes[q])) return false;
    const word = String.fromCharCode(...t.codes.subarray(end, q)).toLowerCase();
    return word !== 'ext' && word !== 'extn';
  }
  if (c === 0x2e || c === 0x2c || c === 0x3a || c === 0x2d) return isDigit(next);
  return false;
}

/** True when the whitespace-free token holding [lead, end) is a URL or an email address. */
export function insideUrlOrEmail(t: NormalizedText, lead: number, end: number): boolean {
  const { codes } = t;
  let a = lead;
  while (a > 0 && lead - a < URL_SCAN && !isSpace(codes[a - 1])) a -= 1;
  let b = end;
  while (b < t.length && b - end < URL_SCAN && !isSpace(codes[b])) b += 1;
  for (let i = a; i < b; i += 1) {
    const c = codes[i]!;
    if (c === 0x40) return true; // @
    if (c === 0x2f && codes[i + 1] === 0x2f && codes[i - 1] === 0x3a) return true; // ://
    if ((c === 0x77 || c === 0x57) && ((codes[i + 1] ?? 0) | 0x20) === 0x77 && ((codes[i + 2] ?? 0) | 0x20) === 0x77 && codes[i + 3] === 0x2e) return true;
  }
  return false;
}
