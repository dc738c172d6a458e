import { nationalLength, splitCallingCode } from './national-length.ts';

export type BlockResult = { prefix: string; digits: number } | { error: string };

const MAX_E164_DIGITS = 15;

/**
 * Checks a block prefix ("+1 804 713") and the digits that follow it. Without `digits`, they are what is
 * missing to a full national number for the prefix's country (NANP: 11 digits after "+").
 */
export function normalizeBlock(rawPrefix: string, digits?: number): BlockResult {
  const compact = rawPrefix.trim().replace(/[\s().-]/g, '');
  if (!/^\+[1-9]\d{0,13}$/.test(compact)) {
    return { error: `block prefix "${clip(rawPrefix)}" is not an E.164 prefix (+ country code and digits)` };
  }
  const split = splitCallingCode(compact);
  if (!split) return { error: `block prefix "${clip(rawPrefix)}" has no known country calling code` };
  if (split.rest.length === 0) return { error: `block prefix "${clip(rawPrefix)}" is only a country code` };
  const national = nationalLength(split.code) ?? 0;
  const wanted = digits ?? national - split.rest.length;
  if (!Number.isInteger(wanted) || wanted < 1) {
    return { error: `block prefix "${clip(rawPrefix)}" leaves no digits to vary` };
  }
  if (compact.length - 1 + wanted > MAX_E164_DIGITS) {
    return { error: `block "${clip(rawPrefix)}" with ${wanted} digits is longer than an E.164 number` };
  }
  return { prefix: compact, digits: wanted };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
