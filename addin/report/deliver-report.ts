// Hands a report to the outbox (IndexedDB, retried later) and tries to send it now. Where there is no
// IndexedDB (the JS-only runtime) it posts directly a few times, then parks the report (without its .eml)
// in roaming settings for a runtime with an outbox.
import type { Outbox } from '../../shared/browser/outbox.ts';
import type { ReportPayload } from '../../shared/report/report-payload.ts';
import { withTimeout } from '../outlook/timeout-signal.ts';
import { withReportToken } from '../../shared/report/with-report-token.ts';
import type { ParkedStore } from './parked-store.ts';

/** queued: safe in the outbox, .eml included. parked: saved, but without the .eml the policy asked for. */
export type Delivered = 'delivered' | 'queued' | 'parked';

export interface DeliveryEnv {
  /** Absent where IndexedDB is not available. */
  openOutbox?: () => Promise<Outbox>;
  fetchFn: typeof fetch;
  /** Keeps an undelivered report, without its .eml, where the task pane will find it (roaming settings). */
  park: (payload: ReportPayload) => Promise<void>;
  /** IndexedDB store for reports made while the policy is unreachable; absent without IndexedDB. */
  openParkedStore?: () => Promise<ParkedStore>;
  /** Delays between direct attempts (JS-only runtime). */
  retryDelaysMs?: number[];
  timeoutMs?: number;
}

/** `reportToken` (the policy's) is sent as `Authorization: Bearer …`. */
export async function deliverReport(payload: ReportPayload, endpoint: string, env: DeliveryEnv, reportToken?: string): Promise<Delivered> {
  const fetchFn = withReportToken(env.fetchFn, reportToken);
  if (env.openOutbox) {
    const outbox = await env.openOutbox();
    try {
      await outbox.enqueue(payload);
      await outbox.flush(endpoint, fetchFn);
      return (await outbox.wasDelivered(payload.id)) ? 'delivered' : 'queued';
    } finally {
      outbox.close();
    }
  }
  for (const delay of [0, ...(env.retryDelaysMs ?? [1_000, 4_000])]) {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    if (await postOnce(payload, endpoint, fetchFn, env.timeoutMs ?? 10_000)) return 'delivered';
  }
  await env.park(payload);
  return 'eml' in payload && (payload as { eml?: unknown }).eml ? 'parked' : 'queued';
}

async function postOnce(payload: ReportPayload, endpoint: string, fetchFn: typeof fetch, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetchFn(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': payload.id },
      body: JSON.stringify(payload),
      credentials: 'omit',
      ...withTimeout(timeoutMs),
    });
    return response.ok;
  } catch {
    return false;
  }
}
