import { NAMED_ENTITIES } from './html-entities.ts';
import { WINDOWS_1252_C1 } from './windows-1252.ts';

// Longest name in the table ("CounterClockwiseContourIntegral;") is 32 characters.
const MAX_NAME = 32;


function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function codePointToString(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  // Numeric references to C1 controls mean the windows-1252 characters (HTML spec).
  return String.fromCodePoint(WINDOWS_1252_C1[code] ?? code);
}

/**
 * Decodes HTML character references (named, decimal, hex) the way a browser does, in one pass.
 * In attribute values a legacy reference without ";" followed by "=" or a letter/digit stays as written.
 */
export function decodeEntities(input: string, inAttribute = false): string {
  let amp = input.indexOf('&');
  if (amp < 0) return input;
  const out: string[] = [];
  let copied = 0;
  while (amp >= 0) {
    const decoded = decodeAt(input, amp, inAttribute);
    if (decoded) {
      out.push(input.slice(copied, amp), decoded.text);
      copied = decoded.end;
      amp = input.indexOf('&', decoded.end);
    } else {
      amp = input.indexOf('&', amp + 1);
    }
  }
  out.push(input.slice(copied));
  return out.join('');
}

function decodeAt(s: string, amp: number, inAttribute: boolean): { text: string; end: number } | null {
  let i = amp + 1;
  if (s.charCodeAt(i) === 35 /* # */) {
    i++;
    const hex = s.charCodeAt(i) === 120 || s.charCodeAt(i) === 88; // x X
    if (hex) i++;
    const digitsStart = i;
    let code = 0;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (hex ? !isHexDigit(c) : !(c >= 48 && c <= 57)) break;
      if (code <= 0x10ffff) code = code * (hex ? 16 : 10) + parseInt(s[i] as string, 16);
      i++;
    }
    if (i === digitsStart) return null;
    if (s.charCodeAt(i) === 59 /* ; */) i++;
    return { text: codePointToString(code), end: i };
  }
  const limit = Math.min(s.length, i + MAX_NAME);
  let j = i;
  while (j < limit && isAlnum(s.charCodeAt(j))) j++;
  if (j === i) return null;
  if (s.charCodeAt(j) === 59) {
    const full = NAMED_ENTITIES[s.slice(i, j + 1)];
    if (full !== undefined) return { text: full, end: j + 1 };
  }
  // Legacy references without ";": the longest known prefix wins (e.g. "&notit;" reads as "¬it;").
  for (let k = j; k > i; k--) {
    const legacy = NAMED_ENTITIES[s.slice(i, k)];
    if (legacy === undefined) continue;
    if (inAttribute) {
      const next = s.charCodeAt(k);
      if (next === 61 || isAlnum(next)) return null;
    }
    return { text: legacy, end: k };
  }
  return null;
}
