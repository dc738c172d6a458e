/**
 * True for UTF-16 code units that take no room on screen: format characters (Unicode Cf: soft hyphen,
 * zero-width space and joiners, word joiner, bidi controls, BOM) and the blank fillers and variation
 * selectors fonts draw as nothing. High surrogate 0xDB40 starts the tag and variation-selector planes (E0000+).
 */
export function isInvisibleUnit(code: number): boolean {
  if (code < 0xad) return false;
  return code === 0xad || code === 0x34f || (code >= 0x600 && code <= 0x605) || code === 0x61c || code === 0x6dd ||
    code === 0x70f || code === 0x115f || code === 0x1160 || code === 0x17b4 || code === 0x17b5 ||
    (code >= 0x180b && code <= 0x180f) || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) || code === 0x3164 || (code >= 0xfe00 && code <= 0xfe0f) || code === 0xfeff ||
    code === 0xffa0 || (code >= 0xfff9 && code <= 0xfffb) || code === 0xdb40;
}

function isSpaceUnit(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

/**
 * Length of a text as the reader sees it: invisible characters dropped, each run of white space counted as
 * one. Padding a lure with 10,000 soft hyphens or spaces does not make it a long message. Linear, no regex;
 * stops counting once past `stopAt`.
 */
export function renderedLength(text: string, stopAt = Infinity): number {
  let length = 0;
  let inSpace = false;
  for (let i = 0; i < text.length && length <= stopAt; i++) {
    const code = text.charCodeAt(i);
    if (isInvisibleUnit(code)) {
      if (code === 0xdb40) i++; // its low surrogate
    } else if (isSpaceUnit(code)) {
      if (!inSpace) length++;
      inSpace = true;
    } else {
      length++;
      inSpace = false;
    }
  }
  return length;
}

// The code units isInvisibleUnit accepts, as one class (no u flag: \udb40 matches the lone code unit).
const ANY_INVISIBLE =
  /[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\udb40]/;

/** Longest run of invisible characters (up to `enough`); white space between them neither breaks the run nor counts. */
export function longestInvisibleRun(text: string, enough = Infinity): number {
  if (!ANY_INVISIBLE.test(text)) return 0; // most mail has none: one native scan
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length && longest < enough; i++) {
    const code = text.charCodeAt(i);
    if (isInvisibleUnit(code)) {
      if (code === 0xdb40) i++;
      if (++run > longest) longest = run;
    } else if (!isSpaceUnit(code)) {
      run = 0;
    }
  }
  return longest;
}
