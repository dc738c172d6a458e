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
    SELECT c.target, c.key, rn.report_id
      FROM confirmed c JOIN report_numbers rn
        ON (c.target = 'number' AND rn.e164 = c.key)
        OR (c.target = 'block' AND rn.e164 LIKE c.key || '%' AND length(rn.e164) = length(c.key) + c.digits)
  ), stats AS (
    SELECT m.target, m.key, count(DISTINCT r.id)::int AS reports, min(r.received_at) AS first_seen,
           max(r.received_at) AS last_seen,
           array_agg(DISTINCT b.brand) FILTER (WHERE b.brand IS NOT NULL) AS brands
      FROM matched m JOIN reports r ON r.id = m.report_id
      LEFT JOIN LATERAL jsonb_array_elements_text(r.payload->'brands') AS b(brand) ON true
     GROUP BY m.target, m.key
  )
  SELECT c.target, c.key, c.digits, c.verdict, c.note, c.decided_at,
         coalesce(s.reports, 0) AS reports, s.first_seen, s.last_seen, s.brands
    FROM confirmed c LEFT JOIN stats s ON s.target = c.target AND s.key = c.key`;

export async function confirmedEntries(db: Queryable): Promise<FeedEntry[]> {
  const rows = await db.query<EntryRow>(ENTRIES_SQL);
  return rows.map(toEntry);
}

function toEntry(row: EntryRow): FeedEntry {
  const entry: FeedEntry = { key: row.key, kind: row.target, verdict: row.verdict };
  if (row.target === 'block') entry.digits = row.digits ?? 0;
  if (row.brands && row.brands.length > 0) entry.brands = [...row.brands].sort();
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
