// GET /api/admin/queue: reported numbers with their reports, reporters, brands and dates, grouped into
// campaigns by the same clustering the CLI uses (shared numbers, DID blocks), with each one's status.
import type { Queryable } from '../db/database.ts';
import { BLOCK_DIGITS, clusterMessages, type MessageRecord } from '../../shared/cluster/index.ts';
import { currentDecisions, decisionFor, type Decision } from './decisions.ts';

export interface QueueNumber {
  e164: string;
  reports: number;
  reporters: number;
  brands: string[];
  subjects: string[];
  firstReported: string;
  lastReported: string;
  status: 'new' | 'scam' | 'trusted' | 'dismissed';
  decision?: { verdict: string; by: string; at: string; note: string | null; block?: string };
  campaign: string | null;
}

export interface QueueCampaign {
  id: string;
  reports: number;
  numbers: string[];
  sharedBlocks: { block: string; digits: number; status: QueueNumber['status'] }[];
  brands: string[];
  subjects: string[];
  firstReported: string | null;
  lastReported: string | null;
}

interface ReportRow extends Record<string, unknown> {
  id: string;
  received_at: string;
  reporter: string;
  brands: string[];
  subject: string;
  sender: string;
  numbers: string[];
}

export async function reviewQueue(db: Queryable, since: Date): Promise<{ numbers: QueueNumber[]; campaigns: QueueCampaign[] }> {
  const rows = await db.query<ReportRow>(
    `SELECT r.id, r.received_at, r.reporter,
            ARRAY(SELECT jsonb_array_elements_text(r.payload->'brands')) AS brands,
            coalesce(r.payload->'message'->>'subject', '') AS subject,
            coalesce(r.payload->'message'->>'from', '') AS sender,
            ARRAY(SELECT e164 FROM report_numbers rn WHERE rn.report_id = r.id ORDER BY e164) AS numbers
       FROM reports r WHERE r.received_at >= $1 AND EXISTS (SELECT 1 FROM report_numbers rn WHERE rn.report_id = r.id)
      ORDER BY r.received_at`,
    [since.toISOString()],
  );
  const decisions = await currentDecisions(db);
  const byNumber = new Map(decisions.filter((d) => d.target === 'number').map((d) => [d.key, d]));
  const blocks = decisions.filter((d) => d.target === 'block');

  const records: MessageRecord[] = rows.map((r) => ({ file: r.id, date: r.received_at, subject: r.subject, from: r.sender, brands: r.brands, phones: r.numbers }));
  const { campaigns } = clusterMessages(records);
  const campaignOf = new Map<string, string>();
  for (const c of campaigns) for (const n of c.numbers) campaignOf.set(n.e164, c.id);

  const stats = new Map<string, { reports: Set<string>; reporters: Set<string>; brands: Set<string>; subjects: Set<string>; first: string; last: string }>();
  for (const row of rows) {
    for (const e164 of row.numbers) {
      const s = stats.get(e164) ?? { reports: new Set(), reporters: new Set(), brands: new Set(), subjects: new Set(), first: row.received_at, last: row.received_at };
      s.reports.add(row.id);
      s.reporters.add(row.reporter);
      for (const b of row.brands) s.brands.add(b);
      if (row.subject.trim() && s.subjects.size < 20) s.subjects.add(row.subject.trim());
      if (row.received_at < s.first) s.first = row.received_at;
      if (row.received_at > s.last) s.last = row.received_at;
      stats.set(e164, s);
    }
  }
  const numbers: QueueNumber[] = [...stats].map(([e164, s]) => {
    const decision = decisionFor(e164, byNumber, blocks);
    return {
      e164,
      reports: s.reports.size,
      reporters: s.reporters.size,
      brands: [...s.brands],
      subjects: [...s.subjects],
      firstReported: s.first,
      lastReported: s.last,
      status: decision?.verdict ?? 'new',
      ...(decision ? { decision: describe(decision) } : {}),
      campaign: campaignOf.get(e164) ?? null,
    };
  });
  numbers.sort((a, b) => Number(a.status !== 'new') - Number(b.status !== 'new') || b.reports - a.reports || a.e164.localeCompare(b.e164));

  return {
    numbers,
    campaigns: campaigns.map((c) => ({
      id: c.id,
      reports: c.messages,
      numbers: c.numbers.map((n) => n.e164),
      sharedBlocks: c.sharedBlocks.map((block) => {
        const decided = blocks.find((d) => d.key === block);
        return { block, digits: BLOCK_DIGITS, status: decided?.verdict ?? 'new' };
      }),
      brands: c.brands,
      subjects: c.subjects.slice(0, 20),
      firstReported: c.firstSeen,
      lastReported: c.lastSeen,
    })),
  };
}

function describe(d: Decision): NonNullable<QueueNumber['decision']> {
  return { verdict: d.verdict, by: d.decidedBy, at: d.decidedAt, note: d.note, ...(d.target === 'block' ? { block: d.key } : {}) };
}
