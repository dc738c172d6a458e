import type { FeedEntry } from './types.ts';

/** Every prefix of an E.164 number a block entry could be keyed by, longest first ("+1804713459" … "+1"). */
export function blockPrefixes(e164: string): string[] {
  const prefixes: string[] = [];
  for (let length = e164.length - 1; length >= 2; length--) prefixes.push(e164.slice(0, length));
  return prefixes;
}

/** True when a block entry covers the number: same prefix and exactly `digits` digits after it. */
export function blockCovers(entry: Pick<FeedEntry, 'key' | 'digits'>, e164: string): boolean {
  if (!e164.startsWith(entry.key)) return false;
  const rest = e164.length - entry.key.length;
  return entry.digits === undefined ? rest > 0 : rest === entry.digits;
}
