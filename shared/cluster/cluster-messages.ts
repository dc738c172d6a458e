import type { Campaign, ClusterResult, MessageRecord, NumberStats } from './types.ts';
import { UnionFind } from './union-find.ts';
import { blockOf } from './block-of.ts';
import { dateSpan } from './date-span.ts';

/**
 * Groups messages into campaigns: two messages are in one campaign when they share a number, or numbers
 * in the same block (same E.164 minus the last 4 digits), directly or through other messages.
 */
export function clusterMessages(records: readonly MessageRecord[]): ClusterResult {
  const sets = new UnionFind(records.length);
  const firstByKey = new Map<string, number>();
  const link = (key: string, index: number) => {
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, index);
    else sets.union(first, index);
  };
  records.forEach((record, index) => {
    for (const e164 of new Set(record.phones)) {
      link(`n:${e164}`, index);
      link(`b:${blockOf(e164)}`, index);
    }
  });

  const groups = new Map<number, MessageRecord[]>();
  records.forEach((record, index) => {
    if (record.phones.length === 0) return;
    const root = sets.find(index);
    const group = groups.get(root);
    if (group) group.push(record);
    else groups.set(root, [record]);
  });

  const campaigns = [...groups.values()].map(describeCampaign).sort(largestFirst);
  campaigns.forEach((campaign, i) => (campaign.id = `campaign-${i + 1}`));
  return {
    messages: records.length,
    withoutNumbers: records.filter((r) => r.phones.length === 0).length,
    campaigns,
  };
}

function describeCampaign(records: MessageRecord[]): Campaign {
  const numbers = numberStats(records);
  const blockCounts = new Map<string, number>();
  for (const n of numbers) blockCounts.set(n.block, (blockCounts.get(n.block) ?? 0) + 1);
  const span = dateSpan(records.map((r) => r.date));
  return {
    id: '',
    messages: records.length,
    files: records.map((r) => r.file),
    numbers,
    blocks: [...blockCounts.keys()].sort(),
    sharedBlocks: [...blockCounts].filter(([, count]) => count > 1).map(([block]) => block).sort(),
    brands: distinct(records.flatMap((r) => r.brands)),
    subjects: distinct(records.map((r) => r.subject.trim()).filter(Boolean)),
    senders: distinct(records.map((r) => r.from.trim()).filter(Boolean)),
    firstSeen: span.first,
    lastSeen: span.last,
    lifespanDays: span.days,
  };
}

function numberStats(records: readonly MessageRecord[]): NumberStats[] {
  const byNumber = new Map<string, MessageRecord[]>();
  for (const record of records) {
    for (const e164 of new Set(record.phones)) {
      const seenIn = byNumber.get(e164);
      if (seenIn) seenIn.push(record);
      else byNumber.set(e164, [record]);
    }
  }
  return [...byNumber]
    .map(([e164, seenIn]) => {
      const span = dateSpan(seenIn.map((r) => r.date));
      return {
        e164,
        block: blockOf(e164),
        messages: seenIn.length,
        brands: distinct(seenIn.flatMap((r) => r.brands)),
        firstSeen: span.first,
        lastSeen: span.last,
        lifespanDays: span.days,
      };
    })
    .sort((a, b) => b.messages - a.messages || (a.e164 < b.e164 ? -1 : 1));
}

function largestFirst(a: Campaign, b: Campaign): number {
  return b.messages - a.messages || b.numbers.length - a.numbers.length || (a.firstSeen ?? '').localeCompare(b.firstSeen ?? '') || a.files[0]!.localeCompare(b.files[0]!);
}

/** Distinct values in first-seen order, compared without case. */
function distinct(values: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const value of values) if (!byKey.has(value.toLowerCase())) byKey.set(value.toLowerCase(), value);
  return [...byKey.values()];
}
