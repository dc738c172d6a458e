// Unicode decimal digit blocks (General_Category Nd, Unicode 16): [first code point, length].
// Each block holds consecutive runs of 0..9, so a digit's value is (cp - first) % 10.
// test/phone/unicode-digits.test.ts checks this table against /\p{Nd}/u.
export const DECIMAL_DIGIT_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x30, 10], [0x660, 10], [0x6f0, 10], [0x7c0, 10], [0x966, 10], [0x9e6, 10], [0xa66, 10], [0xae6, 10],
  [0xb66, 10], [0xbe6, 10], [0xc66, 10], [0xce6, 10], [0xd66, 10], [0xde6, 10], [0xe50, 10], [0xed0, 10],
  [0xf20, 10], [0x1040, 10], [0x1090, 10], [0x17e0, 10], [0x1810, 10], [0x1946, 10], [0x19d0, 10],
  [0x1a80, 10], [0x1a90, 10], [0x1b50, 10], [0x1bb0, 10], [0x1c40, 10], [0x1c50, 10], [0xa620, 10],
  [0xa8d0, 10], [0xa900, 10], [0xa9d0, 10], [0xa9f0, 10], [0xaa50, 10], [0xabf0, 10], [0xff10, 10],
  [0x104a0, 10], [0x10d30, 10], [0x10d40, 10], [0x11066, 10], [0x110f0, 10], [0x11136, 10], [0x111d0, 10],
  [0x112f0, 10], [0x11450, 10], [0x114d0, 10], [0x11650, 10], [0x116c0, 10], [0x116d0, 20], [0x11730, 10],
  [0x118e0, 10], [0x11950, 10], [0x11bf0, 10], [0x11c50, 10], [0x11d50, 10], [0x11da0, 10], [0x11de0, 10],
  [0x11f50, 10], [0x16130, 10], [0x16a60, 10], [0x16ac0, 10], [0x16b50, 10], [0x16d70, 10], [0x1ccf0, 10],
  [0x1d7ce, 50], [0x1e140, 10], [0x1e2f0, 10], [0x1e4f0, 10], [0x1e5f1, 10], [0x1e950, 10], [0x1fbf0, 10],
];

/**
 * Digits Unicode does not class as decimal (No) but that read as one digit under NFKC: superscripts,
 * subscripts, circled and parenthesised forms. [first code point, value of first, count].
 */
export const COMPATIBILITY_DIGIT_RUNS: ReadonlyArray<readonly [number, number, number]> = [
  [0x00b2, 2, 2], [0x00b9, 1, 1], [0x2070, 0, 1], [0x2074, 4, 6], [0x2080, 0, 10],
  [0x2460, 1, 9], [0x24ea, 0, 1], [0x2474, 1, 9], [0x2488, 1, 9], [0x24f5, 1, 9], [0x24ff, 0, 1],
  [0x2776, 1, 9], [0x2780, 1, 9], [0x278a, 1, 9], [0x1f100, 0, 1], [0x1f101, 0, 10],
];
