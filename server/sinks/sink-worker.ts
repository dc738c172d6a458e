// Delivers queued reports to each sink. Rows are leased (next_attempt pushed ahead) rather than locked,
// so no transaction stays open during HTTP and a crashed instance's lease simply runs out. A failure
// backs off exponentially; a row is deleted only after the sink accepted it: a sink that is down loses nothing.
import type { Database } from '../db/database.ts';
import type { ReportPayload } from '../../shared/report/report-payload.ts';
import type { Logger } from '../ops/log.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { Sink } from './sink.ts';

export interface SinkWorkerOptions {
  batch?: number;
  /** How long a claimed row is hidden from other workers. */
  leaseMs?: number;
  /** Idle poll interval (a stored report also wakes the worker). */
  pollMs?: number;
  backoff?: (attempts: number) => number;
}

export function sinkBackoff(attempts: number): number {
  return Math.min(1_000 * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
}

export interface SinkWorker {
  wake(): void;
  stop(): Promise<void>;
}

interface Claimed extends Record<string, unknown> {
  id: number;
  report_id: string;
  attempts: number;
  payload: ReportPayload;
  received_at: string;
}

export function startSinkWorker(db: Database, sinks: readonly Sink[], log: Logger, metrics: Metrics, options: SinkWorkerOptions = {}): SinkWorker {
  const batch = options.batch ?? 50;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 2_000;
  const backoff = options.backoff ?? sinkBackoff;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const claim = (sink: Sink) =>
    db.query<Claimed>(
      `UPDATE sink_queue q SET next_attempt = now() + ($3::int * interval '1 millisecond')
         FROM reports r
        WHERE q.id IN (SELECT id FROM sink_queue WHERE sink = $1 AND next_attempt <= now()
                        ORDER BY next_attempt, id LIMIT $2 FOR UPDATE SKIP LOCKED)
          AND r.id = q.report_id
       RETURNING q.id, q.report_id, q.attempts, r.payload, r.received_at`,
      [sink.name, batch, leaseMs],
    );

  const deliverOne = async (sink: Sink, row: Claimed): Promise<void> => {
    try {
      await sink.deliver(row.payload, row.received_at);
      await db.query('DELETE FROM sink_queue WHERE id = $1', [row.id]);
      metrics.forwarded.set(sink.name, (metrics.forwarded.get(sink.name) ?? 0) + 1);
    } catch (error) {
      const attempts = row.attempts + 1;
      const message = (error as Error).message || String(error);
      await db.query(
        `UPDATE sink_queue SET attempts = $2, last_error = $3, next_attempt = now() + ($4::int * interval '1 millisecond') WHERE id = $1`,
        [row.id, attempts, message.slice(0, 500), backoff(attempts)],
      );
      metrics.forwardFailures.set(sink.name, (metrics.forwardFailures.get(sink.name) ?? 0) + 1);
      if (attempts === 1 || attempts % 10 === 0) log('warn', 'sink delivery failed', { sink: sink.name, report: row.report_id, attempts, error: message });
      throw error;
    }
  };

  /** Drains one sink while it accepts; stops at its first failure (it is down: let back-off work). */
  const drain = async (sink: Sink): Promise<void> => {
    while (!stopped) {
      const rows = await claim(sink);
      if (rows.length === 0) return;
      const results = await Promise.allSettled(rows.map((row) => deliverOne(sink, row)));
      if (results.some((r) => r.status === 'rejected')) return;
    }
  };

  const cycle = async (): Promise<void> => {
    do {
      again = false;
      await Promise.all(sinks.map((sink) => drain(sink).catch((error: unknown) => log('error', 'sink worker error', { sink: sink.name, error: String(error) }))));
    } while (again && !stopped);
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delay);
    timer.unref?.();
  };
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = cycle().finally(() => {
      running = undefined;
      schedule(pollMs);
    });
  };
  if (sinks.length > 0) schedule(0);

  return {
    wake() {
      if (sinks.length > 0 && !stopped) run();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
