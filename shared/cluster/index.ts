/**
 * Campaign clustering, as the seed research did it: messages linked by shared numbers and number blocks.
 *   clusterMessages(records: MessageRecord[]): ClusterResult   (pure; records carry no message text)
 *   new CampaignAccumulator(limits).add(record) ... .campaignList(): the same, streamed, in bounded memory
 *   messageRecord(file, MailMessage, region): MessageRecord (phones, brands, subject, sender, date)
 *   campaignFeedEntries(clusterJson): raw native entries for `feed build --from-cluster`
 *   blockOf(e164): the number minus its last 4 digits
 */
export type { MessageRecord, NumberStats, Campaign, ClusterResult } from './types.ts';
export { clusterMessages } from './cluster-messages.ts';
export { CampaignAccumulator, UNLIMITED, type ClusterLimits } from './campaign-accumulator.ts';
export { messageRecord } from './message-record.ts';
export { campaignFeedEntries } from './campaign-feed-entries.ts';
export { blockOf, BLOCK_DIGITS } from './block-of.ts';
