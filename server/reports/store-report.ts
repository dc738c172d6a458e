// Stores a report once (its id is the idempotency key) and queues it for every sink, in one transaction:
// a report answered 2xx is committed, and every sink will see it.
import type { Database } from '../db/database.ts';
import type { ReportPayload } from '../../shared/report/report-payload.ts';

export async function storeReport(db: Database, report: ReportPayload, reporter: string, sinks: readonly string[]): Promise<{ stored: boolean }> {
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO reports (id, kind, reported_at, reporter, payload) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [report.id, report.kind, report.reportedAt, reporter, JSON.stringify(report)],
    );
    if (inserted.length === 0) return { stored: false };
    if (report.numbers.length > 0) {
      await tx.query('INSERT INTO report_numbers (report_id, e164) SELECT $1, unnest($2::text[])', [report.id, report.numbers]);
    }
    if (sinks.length > 0) {
      await tx.query('INSERT INTO sink_queue (sink, report_id) SELECT unnest($1::text[]), $2', [sinks, report.id]);
    }
    return { stored: true };
  });
}
