import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { BLOCK_DIGITS } from '../../shared/cluster/index.ts';

/**
 * What `ringfence hunt` looks for:
 * - a number, written any way libphonenumber reads it (`+1 804 713 4598`, `(804) 713-4598` with the default region);
 * - a DID block: an E.164 prefix followed by one `X` per varying digit (`+1804713XXXX`), or the bare prefix
 *   (`+1804713`), which means the last 4 digits vary, as blocks do everywhere else in Ringfence.
 */
export type HuntTarget =
  | { kind: 'number'; label: string; e164: string }
  | { kind: 'block'; label: string; prefix: string; length: number };

export function parseHuntTarget(text: string, region: string): HuntTarget | undefined {
  const compact = text.replace(/[\s().-]/g, '');
  const block = /^\+(\d{2,14})([Xx]+)$/.exec(compact);
  if (block) {
    const prefix = `+${block[1]}`;
    return { kind: 'block', label: `${prefix}${'X'.repeat(block[2]!.length)}`, prefix, length: prefix.length + block[2]!.length };
  }
  const number = parsePhoneNumberFromString(text, region as CountryCode);
  if (number?.isValid()) return { kind: 'number', label: number.number, e164: number.number };
  if (/^\+\d{2,14}$/.test(compact)) {
    return { kind: 'block', label: `${compact}${'X'.repeat(BLOCK_DIGITS)}`, prefix: compact, length: compact.length + BLOCK_DIGITS };
  }
  return undefined;
}

export function targetMatches(target: HuntTarget, e164: string): boolean {
  return target.kind === 'number' ? e164 === target.e164 : e164.length === target.length && e164.startsWith(target.prefix);
}
