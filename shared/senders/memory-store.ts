import type { SenderHistory, SendersStore } from '../types.ts';
import { SENDER_RULES } from './rules.ts';
import { pruneSender, recordSender } from './record-sender.ts';

/**
 * Senders kept in memory (CLI, tests): keys, days and counts only, never any message text, never sent
 * anywhere. Past `maxSenders` the senders recorded longest ago are forgotten.
 */
export class MemorySendersStore implements SendersStore {
  private readonly byKey = new Map<string, SenderHistory>();

  async recordAndGet(keys: readonly string[], when: Date): Promise<SenderHistory[]> {
    const known: SenderHistory[] = [];
    for (const key of new Set(keys)) {
      const stored = this.byKey.get(key);
      const previous = stored && pruneSender(stored, when);
      if (previous) known.push(structuredClone(previous));
      this.byKey.delete(key);
      this.byKey.set(key, recordSender(previous, key, when));
    }
    for (const key of this.byKey.keys()) {
      if (this.byKey.size <= SENDER_RULES.maxSenders) break;
      this.byKey.delete(key);
    }
    return known;
  }

  get size(): number {
    return this.byKey.size;
  }
}
