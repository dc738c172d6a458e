import type { PhoneFinding, TextPart } from '../types.ts';
import asks from '../data/reader-asks.json' with { type: 'json' };
import { compilePhrases } from '../lure/compile-phrases.ts';

const COMMERCE = compilePhrases(asks.commerce);
const DISPUTE = compilePhrases(asks.dispute);
const PERSONAL = compilePhrases(asks.personal);
const PRETEXT = compilePhrases(asks.pretext);
/** Text read on each side of a number to tell what the reader is asked to call it for. */
const BEFORE = 250;
const AFTER = 150;
/** Characters of each part searched for a pretext. */
const PRETEXT_CHARS = 50_000;

/**
 * What the reader is asked to do with each number, from the words around it:
 *   dispute: cancel or contest a charge, recover an account, act now — the callback lure's ask;
 *   commerce: order, book, ask sales, get more information — ordinary business;
 *   personal: a person's own number ("call me", "my cell") — a conversation, not a company's line.
 * `pretext` holds the account and charge pretexts the message states anywhere ("access will be suspended",
 * "you were charged"); prices alone are not a pretext.
 */
export interface ReaderAsk {
  /** Numbers (E.164) the reader is asked to call to dispute, cancel or recover. */
  dispute: Set<string>;
  /** Numbers given for ordering, sales, bookings or information, with no dispute near them. */
  commerce: Set<string>;
  /** A person's own number ("call me", "my cell"), with no dispute near it. */
  personal: Set<string>;
  /** The first pretext phrase found, as written. */
  pretext?: string;
}

export function readerAsk(parts: readonly TextPart[], phones: readonly PhoneFinding[]): ReaderAsk {
  const ask: ReaderAsk = { dispute: new Set(), commerce: new Set(), personal: new Set() };
  const byId = new Map(parts.map((p) => [p.id, p.text]));
  for (const phone of phones) {
    const text = byId.get(phone.part);
    if (text === undefined) continue;
    const window = text.slice(Math.max(0, phone.start - BEFORE), phone.end + AFTER).toLowerCase();
    if (found(DISPUTE, window)) ask.dispute.add(phone.e164);
    else if (found(PERSONAL, window)) ask.personal.add(phone.e164);
    else if (found(COMMERCE, window)) ask.commerce.add(phone.e164);
  }
  for (const part of parts) {
    if (part.id === 'from-name') continue;
    PRETEXT.lastIndex = 0;
    const match = PRETEXT.exec(part.text.slice(0, PRETEXT_CHARS).toLowerCase());
    if (match) {
      ask.pretext = match[0];
      break;
    }
  }
  return ask;
}

function found(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}
