import type { ReportPayload } from '../../shared/report/report-payload.ts';

/** One forwarding target. `deliver` resolves once the target accepted the report, else throws why not. */
export interface Sink {
  name: string;
  deliver(report: ReportPayload, receivedAt: string): Promise<void>;
}

/** POSTs and throws unless the answer is 2xx (or `accept` says the answer means "already there"). */
export async function postOrThrow(url: string, init: RequestInit & { timeoutMs?: number }, accept?: (status: number, body: string) => boolean): Promise<void> {
  const response = await fetch(url, { ...init, method: 'POST', redirect: 'error', signal: AbortSignal.timeout(init.timeoutMs ?? 10_000) });
  const body = await response.text().catch(() => '');
  if (response.ok || accept?.(response.status, body)) return;
  throw new Error(`HTTP ${response.status}${body ? `: ${body.slice(0, 200)}` : ''}`);
}
