import type { EntryVerdict, FeedEntry } from './types.ts';
import { feedNumberKey } from './feed-number-key.ts';
import { normalizeBlock } from './normalize-block.ts';
import { preview } from './entry-fields.ts';

/** Longest text read as one number or block ("+1 (804) 713-4598 XXXX" and generous spacing fit). */
export const MAX_NUMBER_TEXT = 64;

/** Text after a `#` that starts the line or follows a space is a comment. */
export function stripComment(line: string): string {
  const hash = line.search(/(^|\s)#/);
  return (hash < 0 ? line : line.slice(0, hash)).trim();
}

/**
 * One entry written as text: an E.164 (or national) number, or a block as `+1804713*` or `+1804713xxxx`.
 * Returns the entry, or an error message.
 */
export function parseNumberOrBlock(
  text: string,
  verdict: EntryVerdict,
  defaultRegion: string,
): FeedEntry | { error: string } {
  if (text.length > MAX_NUMBER_TEXT) return { error: `too long to be a phone number or block: ${preview(text)}` };
  const compact = text.replace(/[\s().-]/g, '');
  const star = /^(\+\d+)\*$/.exec(compact);
  const placeholders = /^(\+\d+?)([xX]+)$/.exec(compact);
  if (star || placeholders) {
    const prefix = (star ?? placeholders)![1]!;
    const result = normalizeBlock(prefix, placeholders ? placeholders[2]!.length : undefined);
    if ('error' in result) return result;
    return { key: result.prefix, kind: 'block', digits: result.digits, verdict };
  }
  const e164 = feedNumberKey(text, defaultRegion);
  if (!e164) return { error: `not a valid phone number or block: ${preview(text)}` };
  return { key: e164, kind: 'number', verdict };
}
