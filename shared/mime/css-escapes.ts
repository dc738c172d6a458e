// CSS escapes (CSS Syntax Level 3, "consume an escaped code point"): `\6f ` is "o", `\:` is ":".

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function isNewline(c: number): boolean {
  return c === 10 || c === 12 || c === 13;
}

function isCssSpace(c: number): boolean {
  return c === 32 || c === 9 || isNewline(c);
}

export interface Escape {
  /** The character the escape stands for ("" for a line continuation inside a string). */
  text: string;
  /** Index just past the escape. */
  end: number;
}

/**
 * Reads the escape whose backslash is at `at`. Null when the backslash escapes nothing (a newline outside a
 * string), in which case it is an ordinary character.
 */
export function readEscape(s: string, at: number, inString: boolean): Escape | null {
  let i = at + 1;
  if (i >= s.length) return { text: '\ufffd', end: i };
  const first = s.charCodeAt(i);
  if (isNewline(first)) {
    if (!inString) return null;
    // A backslash before a newline continues the string on the next line.
    return { text: '', end: first === 13 && s.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
  }
  if (!isHexDigit(first)) {
    const codePoint = s.codePointAt(i) as number;
    return { text: String.fromCodePoint(codePoint), end: i + (codePoint > 0xffff ? 2 : 1) };
  }
  const start = i;
  while (i < s.length && i - start < 6 && isHexDigit(s.charCodeAt(i))) i++;
  const code = parseInt(s.slice(start, i), 16);
  // One whitespace after a hex escape belongs to it (CRLF counts as one).
  if (i < s.length && isCssSpace(s.charCodeAt(i))) i += s.charCodeAt(i) === 13 && s.charCodeAt(i + 1) === 10 ? 2 : 1;
  const valid = code !== 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return { text: valid ? String.fromCodePoint(code) : '\ufffd', end: i };
}

/** Resolves every escape in an identifier-like text (a class name in a selector). */
export function unescapeCss(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  let copied = 0;
  let i = text.indexOf('\\');
  while (i >= 0) {
    const escape = readEscape(text, i, false);
    if (escape) {
      out += text.slice(copied, i) + escape.text;
      copied = escape.end;
      i = text.indexOf('\\', escape.end);
    } else {
      i = text.indexOf('\\', i + 1);
    }
  }
  return out + text.slice(copied);
}
