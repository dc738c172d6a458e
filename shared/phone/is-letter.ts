// Memoised \p{L} test for UTF-16 code units: 0 = not yet known, 1 = letter, 2 = not a letter.
const known = new Uint8Array(0x10000);
const LETTER = /\p{L}/u;

export function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  let k = known[c]!;
  if (k === 0) {
    k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    known[c] = k;
  }
  return k === 1;
}
