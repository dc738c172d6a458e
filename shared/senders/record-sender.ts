import type { SenderHistory } from '../types.ts';
import { SENDER_RULES } from './rules.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day (UTC) of a date, as the store keeps it. */
export function dayOf(when: Date): string {
  return when.toISOString().slice(0, 10);
}

/** A sender's history after one more message: its key, the days and a count, never any message text. */
export function recordSender(previous: SenderHistory | undefined, key: string, when: Date): SenderHistory {
  const days = [...new Set([...(previous?.days ?? []), dayOf(when)])].sort().slice(-SENDER_RULES.maxDaysPerSender);
  return { key, days, messages: (previous?.messages ?? 0) + 1 };
}

/** Drops days past the retention period; undefined when nothing recent is left. */
export function pruneSender(history: SenderHistory, now: Date): SenderHistory | undefined {
  const cutoff = dayOf(new Date(now.getTime() - SENDER_RULES.retentionDays * DAY_MS));
  const days = history.days.filter((day) => day >= cutoff);
  return days.length > 0 ? { ...history, days } : undefined;
}
