import type { NumberReputation, ReputationLookup } from '../types.ts';
import type { FeedStore } from '../feed/types.ts';
import { DEFAULT_TTL_DAYS } from '../feed/expiry.ts';

/** ReputationLookup over any FeedStore (IndexedDB, CLI), with the policy's time to live. Never touches the network. */
export class StoreLookup implements ReputationLookup {
  constructor(
    private readonly store: FeedStore,
    private readonly ttlDays: number = DEFAULT_TTL_DAYS,
  ) {}

  async lookup(e164s: readonly string[], now: Date): Promise<NumberReputation[]> {
    const unique = [...new Set(e164s)];
    const found = await this.store.lookup(unique, now, this.ttlDays);
    return unique.map((e164) => ({ e164, matches: found.get(e164) ?? [] }));
  }
}
