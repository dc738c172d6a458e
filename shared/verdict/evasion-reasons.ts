import type { PhoneVerdict } from '../types.ts';
import type { Findings } from './judge.ts';
import type { LeveledReason } from './leveled-reason.ts';
import { countSplitWords } from './word-splitting.ts';
import { formatNumber } from './format-number.ts';
import { ownTextParts } from '../message-parts.ts';

/** Fewer split points than this can be an editor's stray character; more is deliberate. */
const SPLIT_THRESHOLD = 8;

/**
 * Text written to slip past filters: invisible characters inside words. Alone it is a quiet note; with a
 * request to phone a number it is the callback scam's own disguise.
 */
export function evasionReasons({ parts, lure }: Findings, phones: readonly PhoneVerdict[]): LeveledReason[] {
  let splits = 0;
  for (const part of ownTextParts(parts)) splits += countSplitWords(part.text);
  if (splits < SPLIT_THRESHOLD) return [];
  const untrusted = new Set(phones.map((p) => p.e164));
  const call = lure.callToAction.find((c) => c.kind === 'request' && c.phoneE164 !== undefined && untrusted.has(c.phoneE164));
  if (call) {
    return [{
      code: 'evasive-callback',
      level: 'warning',
      message:
        `Invisible characters are hidden inside the words of this message to slip past spam filters, and it asks you ` +
        `to call ${formatNumber(call.phoneE164!)}. Legitimate senders do not disguise their text: do not call.`,
      evidence: call.evidence,
    }];
  }
  return [{
    code: 'evasive-text',
    level: 'caution',
    message: 'Invisible characters are hidden inside the words of this message, a trick used to slip past spam filters.',
  }];
}
