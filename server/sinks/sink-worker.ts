// Delivers queued reports to each sink. Rows are leased (next_attempt pushed ahead) rather than locked, so no
// transaction stays open during HTTP and a crashed instance's lease simply runs out. A row is deleted only
// after the sink accepted it: a sink that is down loses nothing. A failing sink is paused with exponential
// back-off and then probed with one report, so a dead sink costs the store almost nothing.
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
  /** Pause after n consecutive failures (of the sink, and of a row). */
  backoff?: (failures: number) => number;
}

export function sinkBackoff(failures: number): number {
  return Math.min(1_000 * 2 ** Math.max(0, failures - 1), 5 * 60_000);
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
  const health = new Map(sinks.map((s) => [s.name, { failures: 0, pausedUntil: 0 }]));
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const claim = (sink: Sink, limit: number) =>
    db.query<Claimed>(
      `UPDATE sink_queue q SET next_attempt = now() + ($3::int * interval '1 millisecond')
         FROM reports r
        WHERE q.id IN (SELECT id FROM sink_queue WHERE sink = $1 AND next_attempt <= now()
                        ORDER BY next_attempt, id LIMIT $2 FOR UPDATE SKIP LOCKED)
          AND r.id = q.report_id
       RETURNING q.id, q.report_id, q.attempts, r.payload, r.received_at`,
      [sink.name, limit, leaseMs],
    );

  /** Sends one batch; true when every report was accepted. */
  const sendBatch = async (sink: Sink, rows: Claimed[]): Promise<boolean> => {
    const results = await Promise.allSettled(rows.map((row) => sink.deliver(row.payload, row.received_at)));
    const done = rows.filter((_, i) => results[i]!.status === 'fulfilled').map((row) => row.id);
    const failed = rows.flatMap((row, i) => {
      const result = results[i]!;
      return result.status === 'rejected' ? [{ row, error: String((result.reason as Error)?.message ?? result.reason).slice(0, 500) }] : [];
    });
    if (done.length > 0) {
      await db.query('DELETE FROM sink_queue WHERE id = ANY($1::bigint[])', [done]);
      metrics.forwarded.set(sink.name, (metrics.forwarded.get(sink.name) ?? 0) + done.length);
    }
    if (failed.length > 0) {
      await db.query(
        `UPDATE sink_queue q SET attempts = u.attempts, last_error = u.error, next_attempt = now() + (u.delay * interval '1 millisecond')
           FROM unnest($1::bigint[], $2::int[], $3::text[], $4::int[]) AS u(id, attempts, error, delay) WHERE q.id = u.id`,
        [failed.map((f) => f.row.id), failed.map((f) => f.row.attempts + 1), failed.map((f) => f.error), failed.map((f) => Math.round(backoff(f.row.attempts + 1)))],
      );
      metrics.forwardFailures.set(sink.name, (metrics.forwardFailures.get(sink.name) ?? 0) + failed.length);
    }
    return failed.length === 0 ? true : (log('warn', 'sink delivery failed', { sink: sink.name, failed: failed.length, error: failed[0]!.error }), false);
  };

  const drain = async (sink: Sink): Promise<void> => {
    const state = health.get(sink.name)!;
    while (!stopped && Date.now() >= state.pausedUntil) {
      // A sink that failed last time is probed with one report before it gets a full batch.
      const rows = await claim(sink, state.failures > 0 ? 1 : batch);
      if (rows.length === 0) return;
      if (await sendBatch(sink, rows)) {
        if (state.failures > 0) log('info', 'sink is accepting reports again', { sink: sink.name });
        state.failures = 0;
      } else {
        state.failures++;
        state.pausedUntil = Date.now() + backoff(state.failures);
        return;
      }
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
      const nextPause = Math.min(...[...health.values()].map((h) => h.pausedUntil));
      schedule(Math.max(pollMs, Math.min(nextPause - Date.now(), pollMs * 10)));
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
