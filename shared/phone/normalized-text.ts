/**
 * Text after de-obfuscation, one UTF-16 code per entry, with where each entry came from in the original:
 * `from[i]` is the original offset of `codes[i]`; the original span is one code unit long, or two when
 * `flags[i] & WIDE` (a surrogate pair, CRLF). `flags[i] & ODD_CHAR` says reading that entry needed
 * de-obfuscation (Unicode digit, letter for digit, invisible character removed just before it, odd dash).
 */
export interface NormalizedText {
  codes: Uint16Array;
  from: Int32Array;
  flags: Uint8Array;
  length: number;
}

export const ODD_CHAR = 1;
export const WIDE = 2;

/** Original offset just after normalised entry i. */
export function originalEnd(t: NormalizedText, i: number): number {
  return t.from[i]! + (t.flags[i]! & WIDE ? 2 : 1);
}
