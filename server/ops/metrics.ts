// Counters kept in the process, and the Prometheus text exposition of them plus a few store gauges.
import type { Database } from '../db/database.ts';

export interface Metrics {
  reportsReceived: number;
  reportsStored: number;
  reportsDeduplicated: number;
  /** By HTTP status. */
  reportsRejected: Map<number, number>;
  /** By sink name. */
  forwarded: Map<string, number>;
  forwardFailures: Map<string, number>;
  feedEntries: number;
}

export function newMetrics(): Metrics {
  return { reportsReceived: 0, reportsStored: 0, reportsDeduplicated: 0, reportsRejected: new Map(), forwarded: new Map(), forwardFailures: new Map(), feedEntries: 0 };
}

export async function prometheusText(metrics: Metrics, db: Database, sinkNames: readonly string[]): Promise<string> {
  const queue = await db.query<{ sink: string; waiting: number } & Record<string, unknown>>('SELECT sink, count(*)::int AS waiting FROM sink_queue GROUP BY sink');
  const stored = await db.query<{ n: number } & Record<string, unknown>>('SELECT count(*)::int AS n FROM reports');
  const lines: string[] = [];
  const metric = (name: string, type: string, help: string, samples: [string, number][]) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
  };
  const label = (key: string, value: string | number) => `{${key}="${String(value).replace(/["\\\n]/g, '_')}"}`;
  metric('ringfence_reports_received_total', 'counter', 'Valid reports received by this instance.', [['', metrics.reportsReceived]]);
  metric('ringfence_reports_stored_total', 'counter', 'Reports stored for the first time by this instance.', [['', metrics.reportsStored]]);
  metric('ringfence_reports_deduplicated_total', 'counter', 'Reports whose id was already stored (retries).', [['', metrics.reportsDeduplicated]]);
  metric('ringfence_reports_rejected_total', 'counter', 'Report requests refused, by HTTP status.', [...metrics.reportsRejected].map(([s, n]) => [label('status', s), n]));
  metric('ringfence_reports_forwarded_total', 'counter', 'Reports delivered to a sink.', sinkNames.map((s) => [label('sink', s), metrics.forwarded.get(s) ?? 0]));
  metric('ringfence_forward_failures_total', 'counter', 'Failed sink delivery attempts.', sinkNames.map((s) => [label('sink', s), metrics.forwardFailures.get(s) ?? 0]));
  metric('ringfence_sink_queue_depth', 'gauge', 'Reports waiting for a sink.', sinkNames.map((s) => [label('sink', s), queue.find((q) => q.sink === s)?.waiting ?? 0]));
  metric('ringfence_reports_stored', 'gauge', 'Reports in the store (all instances).', [['', stored[0]?.n ?? 0]]);
  metric('ringfence_feed_entries', 'gauge', 'Entries in the published feed when it was last built.', [['', metrics.feedEntries]]);
  return `${lines.join('\n')}\n`;
}
