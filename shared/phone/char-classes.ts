// Which characters the normaliser drops, turns into a space, a line break or a dash. Data, not logic.

/** Invisible formatting characters scammers put inside numbers: zero-width, bidi controls, soft hyphen. */
export function isInvisible(c: number): boolean {
  return (
    c === 0x00ad || c === 0x034f || c === 0x061c || c === 0x180e || c === 0xfeff ||
    (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x206f) || (c >= 0xfe00 && c <= 0xfe0f)
  );
}

/** Unicode spaces other than the line separators. */
export function isUnicodeSpace(c: number): boolean {
  return c === 0x00a0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

export function isUnicodeLineBreak(c: number): boolean {
  return c === 0x0085 || c === 0x2028 || c === 0x2029;
}

/** Typographic hyphens: the normaliser writes '-' and does not count them as obfuscation. */
export function isPlainHyphen(c: number): boolean {
  return c === 0x2010 || c === 0x2011;
}

/** En/em dashes, minus signs, small/full-width hyphens: written as '-', counted as an odd separator. */
export function isOddDash(c: number): boolean {
  return (c >= 0x2012 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63 || c === 0x2043;
}

/** Bullets and middle dots used as digit separators: written as BULLET. */
export function isBullet(c: number): boolean {
  return c === 0x2022 || c === 0x00b7 || c === 0x2027 || c === 0x2219 || c === 0x22c5 || c === 0x30fb || c === 0xff65 || c === 0x2024;
}

export const BULLET = 0x2022;
