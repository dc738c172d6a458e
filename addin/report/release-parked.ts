// Parked reports (saved while the policy or the endpoint could not be reached) go into the outbox once a
// policy that names a report endpoint has been read, fitted to that policy: the .eml travels only when the
// policy names a report mailbox. The outbox then delivers them like any other report.
import type { Outbox } from '../../shared/browser/outbox.ts';
import type { ReportPayload } from '../../shared/report/report-payload.ts';
import type { Policy } from '../../shared/types.ts';
import type { MessageReportPayload } from './message-report.ts';

/** One place parked reports wait: IndexedDB (parked-store.ts) or roaming settings (parked-reports.ts). */
export interface ParkedSource {
  list(): Promise<ReportPayload[]>;
  remove(ids: string[]): Promise<void>;
}

export interface Released {
  /** Reports moved into the outbox. */
  released: number;
  /** Reports still parked (no endpoint in the policy yet). */
  waiting: number;
}

export async function releaseParkedReports(policy: Pick<Policy, 'reportEndpoint' | 'reportMailbox'>, sources: ParkedSource[], outbox: Outbox | undefined): Promise<Released> {
  const result: Released = { released: 0, waiting: 0 };
  for (const source of sources) {
    const reports = await source.list();
    if (!policy.reportEndpoint || !outbox) {
      result.waiting += reports.length;
      continue;
    }
    for (const report of reports) await outbox.enqueue(fitToPolicy(report, policy));
    await source.remove(reports.map((r) => r.id));
    result.released += reports.length;
  }
  return result;
}

/** The .eml goes along only when the policy names a report mailbox; otherwise it never leaves the machine. */
export function fitToPolicy(report: ReportPayload, policy: Pick<Policy, 'reportMailbox'>): ReportPayload {
  if (report.kind !== 'message') return report;
  const { eml, emlOmitted, ...rest } = report as MessageReportPayload;
  if (!policy.reportMailbox) return rest;
  if (eml) return { ...rest, eml } as MessageReportPayload;
  return { ...rest, emlOmitted: emlOmitted ?? 'unavailable' } as MessageReportPayload;
}
