// The feed's entries: every number and block whose latest decision is scam or trusted, with what the
// reports say about it (brands, first and last report, how many). lastSeen is the last report, so an
// entry ages out of the clients' TTL unless it is reported again.
import type { Queryable } from '../db/database.ts';
import type { FeedEntry } from '../../shared/feed/types.ts';

interface EntryRow extends Record<string, unknown> {
  target: 'number' | 'block';
  key: string;
  digits: number | null;
  verdict: 'scam' | 'trusted';
  note: string | null;
  decided_at: string;
  reports: number;
  first_seen: string | null;
  last_seen: string | null;
  brands: string[] | null;
}

const ENTRIES_SQL = `
  WITH latest AS (
    SELECT DISTINCT ON (target, key) target, key, digits, verdict, note, decided_at
      FROM decisions ORDER BY target, key, id DESC
  ), confirmed AS (
    SELECT * FROM latest WHERE verdict IN ('scam', 'trusted')
  ), matched AS (
    -- Two joins, not one with OR: numbers join on equality (hashable); the few blocks scan by prefix.
    SELECT c.target, c.key, rn.report_id
      FROM confirmed c JOIN report_numbers rn ON rn.e164 = c.key
     WHERE c.target = 'number'
    UNION
    SELECT c.target, c.key, rn.report_id
      FROM confirmed c JOIN report_numbers rn
        ON left(rn.e164, length(c.key)) = c.key AND length(rn.e164) = length(c.key) + c.digits
     WHERE c.target = 'block'
  ), stats AS (
    SELECT m.target, m.key, count(*)::int AS reports, min(r.received_at) AS first_seen, max(r.received_at) AS last_seen
      FROM matched m JOIN reports r ON r.id = m.report_id
     GROUP BY m.target, m.key
  ), brands AS (
    SELECT target, key, array_agg(brand ORDER BY brand) AS brands FROM (
      SELECT DISTINCT m.target, m.key, b.brand
        FROM matched m JOIN reports r ON r.id = m.report_id, jsonb_array_elements_text(r.payload->'brands') AS b(brand)
    ) distinct_brands GROUP BY target, key
  )
  SELECT c.target, c.key, c.digits, c.verdict, c.note, c.decided_at,
         coalesce(s.reports, 0) AS reports, s.first_seen, s.last_seen, b.brands
    FROM confirmed c
    LEFT JOIN stats s ON s.target = c.target AND s.key = c.key
    LEFT JOIN brands b ON b.target = c.target AND b.key = c.key`;

export async function confirmedEntries(db: Queryable): Promise<FeedEntry[]> {
  const rows = await db.query<EntryRow>(ENTRIES_SQL);
  return rows.map(toEntry);
}

function toEntry(row: EntryRow): FeedEntry {
  const entry: FeedEntry = { key: row.key, kind: row.target, verdict: row.verdict };
  if (row.target === 'block') entry.digits = row.digits ?? 0;
  if (row.brands && row.brands.length > 0) entry.brands = row.brands;
  if (row.verdict === 'trusted') {
    entry.label = row.note ?? 'Confirmed trusted by the security team';
  } else {
    // A number confirmed without any report is dated by its decision.
    entry.firstSeen = row.first_seen ?? row.decided_at;
    entry.lastSeen = row.last_seen ?? row.decided_at;
  }
  if (row.reports > 0) entry.reports = row.reports;
  entry.source = 'ringfence server';
  return entry;
}
