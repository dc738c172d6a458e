import type { SenderHistory } from '../types.ts';
import { SENDER_RULES } from './rules.ts';
import { dayOf } from './record-sender.ts';

/**
 * Familiar or new: the most distinct earlier days (before today) any of the sender's keys was seen on.
 * A sender this mailbox has had mail from on many days is less likely to be a one-off lure.
 */
export interface Familiarity {
  earlierDays: number;
  familiar: boolean;
}

export function familiarity(known: readonly SenderHistory[], now: Date): Familiarity {
  const today = dayOf(now);
  const earlierDays = Math.max(0, ...known.map((h) => h.days.filter((day) => day < today).length));
  return { earlierDays, familiar: earlierDays >= SENDER_RULES.familiarDays };
}
