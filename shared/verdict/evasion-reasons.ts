import type { PhoneVerdict } from '../types.ts';
import type { Findings } from './judge.ts';
import type { LeveledReason } from './leveled-reason.ts';
import { countSplitWords } from './word-splitting.ts';
import { longestInvisibleRun } from './rendered-length.ts';
import { formatNumber } from './format-number.ts';
import { coded } from './reason-codes.ts';
import { ownTextParts } from '../message-parts.ts';

/** Fewer split points than this can be an editor's stray character; more is deliberate. */
const SPLIT_THRESHOLD = 8;
/** Newsletters pad a preheader with a few hundred zero-width joiners; a run this long is padding (#10.2). */
const PADDING_THRESHOLD = 1_000;

/**
 * Text written to slip past filters: invisible characters inside words, or long runs of them padding the
 * message. Alone it is a quiet note; with a request to phone a number it is the callback scam's own disguise.
 */
export function evasionReasons({ parts, lure }: Findings, phones: readonly PhoneVerdict[]): LeveledReason[] {
  let splits = 0;
  let padding = 0;
  for (const part of ownTextParts(parts)) {
    splits += countSplitWords(part.text);
    if (padding < PADDING_THRESHOLD) padding = Math.max(padding, longestInvisibleRun(part.text, PADDING_THRESHOLD));
  }
  const padded = padding >= PADDING_THRESHOLD;
  if (splits < SPLIT_THRESHOLD && !padded) return [];
  const how = padded
    ? `A run of ${padding.toLocaleString('en-US')} or more invisible characters pads this message, a trick to slip past length limits and spam filters`
    : 'Invisible characters are hidden inside the words of this message to slip past spam filters';
  // For the surfaces: the invisible run's length, or how many words hide invisible characters.
  const params = padded ? { variant: 'padding' as const, count: padding } : { count: splits };
  const numbers = new Set(phones.map((p) => p.e164));
  const call = lure.callToAction.find((c) => c.kind === 'request' && c.phoneE164 !== undefined && numbers.has(c.phoneE164));
  if (call) {
    return [{
      ...coded('evasive-callback', params),
      level: 'warning',
      message:
        `${how}, and it asks you to call ${formatNumber(call.phoneE164!)}. Legitimate senders do not disguise their text: do not call.`,
      evidence: call.evidence,
    }];
  }
  return [{ ...coded('evasive-text', params), level: 'caution', message: `${how}.` }];
}
