// Lexer for Authentication-Results and ARC-Authentication-Results values (RFC 8601 section 2.2, with the
// RFC 5322 comment and quoted-string rules it builds on).

export interface AuthresToken {
  kind: 'word' | 'quoted' | 'semicolon' | 'equals';
  /** The word, or the content of a quoted string with its quoted-pairs resolved. */
  text: string;
  /** Whitespace or a comment came before it; adjacent tokens form one value (`"a;b"@evil.example`). */
  spaced: boolean;
}

/** Longest value read; a receiver's header is a few hundred bytes, and the rest is never trusted anyway. */
export const MAX_AUTHRES_CHARS = 64 * 1024;
/** A receiver's header has a few dozen tokens; past this many the rest is dropped. */
export const MAX_AUTHRES_TOKENS = 4096;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Ends a word: whitespace, a comment or string opening, and the two separators. */
function endsWord(c: number): boolean {
  return isSpace(c) || c === 40 /* ( */ || c === 34 /* " */ || c === 59 /* ; */ || c === 61 /* = */;
}

/**
 * Splits a header value into words, quoted strings, ";" and "=", dropping comments (nested, with
 * quoted-pairs). A ";" or "=" inside a quoted string or a comment is text, never a separator. Never throws;
 * an unclosed string or comment runs to the end. Linear in the input, which is capped in length and tokens.
 */
export function tokenizeAuthres(input: string): AuthresToken[] {
  const s = input.length > MAX_AUTHRES_CHARS ? input.slice(0, MAX_AUTHRES_CHARS) : input;
  const tokens: AuthresToken[] = [];
  let spaced = true;
  let i = 0;
  while (i < s.length && tokens.length < MAX_AUTHRES_TOKENS) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      spaced = true;
      i++;
    } else if (c === 40 /* ( */) {
      i = skipComment(s, i);
      spaced = true;
    } else if (c === 34 /* " */) {
      let text = '';
      i++;
      while (i < s.length && s.charCodeAt(i) !== 34) {
        if (s.charCodeAt(i) === 92 /* \ */ && i + 1 < s.length) i++;
        text += s[i];
        i++;
      }
      i++; // past the closing quote (or the end)
      tokens.push({ kind: 'quoted', text, spaced });
      spaced = false;
    } else if (c === 59 || c === 61) {
      tokens.push({ kind: c === 59 ? 'semicolon' : 'equals', text: s[i] as string, spaced });
      spaced = false;
      i++;
    } else {
      const start = i;
      while (i < s.length && !endsWord(s.charCodeAt(i))) i++;
      tokens.push({ kind: 'word', text: s.slice(start, i), spaced });
      spaced = false;
    }
  }
  return tokens;
}

/** Index just past the comment opening at `open`. */
function skipComment(s: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return i + 1;
    i++;
  }
  return s.length;
}
