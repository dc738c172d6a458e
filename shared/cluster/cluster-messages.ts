import type { ClusterResult, MessageRecord } from './types.ts';
import { CampaignAccumulator } from './campaign-accumulator.ts';

/**
 * Groups messages into campaigns: two messages are in one campaign when they share a number, or numbers
 * in the same block (same E.164 minus the last 4 digits), directly or through other messages. Every list
 * whole; for input too large to hold, feed a CampaignAccumulator with limits instead.
 */
export function clusterMessages(records: readonly MessageRecord[]): ClusterResult {
  const accumulator = new CampaignAccumulator();
  for (const record of records) accumulator.add(record);
  return { messages: accumulator.messages, withoutNumbers: accumulator.withoutNumbers, campaigns: [...accumulator.campaignList()] };
}
