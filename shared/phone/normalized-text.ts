/**
 * Text after de-obfuscation, one UTF-16 code per entry. `flags[i] & ODD_CHAR` says reading entry i needed
 * de-obfuscation (Unicode digit, letter for digit, invisible character removed just before it, odd dash);
 * `flags[i] & WIDE` says it stands for two original code units (a surrogate pair, CRLF).
 * Where entries came from is kept sparsely: from normalised index shiftStarts[j] on (until the next one),
 * original offset = index + shifts[j]. Plain ASCII text has a single shift of 0.
 */
export interface NormalizedText {
  codes: Uint16Array;
  flags: Uint8Array;
  length: number;
  shiftStarts: number[];
  shifts: number[];
}

export const ODD_CHAR = 1;
export const WIDE = 2;

/** Original offset of normalised entry i. */
export function originalStart(t: NormalizedText, i: number): number {
  const starts = t.shiftStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return i + t.shifts[lo]!;
}

/** Original offset just after normalised entry i. */
export function originalEnd(t: NormalizedText, i: number): number {
  return originalStart(t, i) + (t.flags[i]! & WIDE ? 2 : 1);
}
