// "Report this number" / "Report message": builds the DESIGN.md payload, queues it in the outbox, and starts delivery.
import browser from 'webextension-polyfill';
import { buildReportPayload } from '../../shared/report/build-report-payload.ts';
import type { ReportKind } from '../../shared/report/report-payload.ts';
import type { BackgroundRequest, ReportResponse } from '../lib/messages.ts';
import { flushOutbox, getOutbox, sendReportNow } from './outbox-runner.ts';

const KINDS: readonly ReportKind[] = ['number', 'message'];

export async function reportMessage(request: Extract<BackgroundRequest, { type: 'report' }>): Promise<ReportResponse> {
  if (!KINDS.includes(request.kind)) throw new Error(`unknown report kind ${String(request.kind)}`);
  const payload = buildReportPayload({
    id: crypto.randomUUID(),
    kind: request.kind,
    reportedAt: new Date(),
    verdict: request.verdict,
    message: request.message,
    surface: request.surface,
    version: browser.runtime.getManifest().version,
  });
  const outbox = await getOutbox();
  // Throws OutboxFullError when the outbox is full of reports not sent yet: the banner says so.
  await outbox.enqueue(payload);
  // The clicked report goes first; the rest of the queue follows in click order, without the click waiting.
  const delivered = await sendReportNow(payload.id).catch(() => false);
  void flushOutbox().catch((error: unknown) => console.warn('Ringfence: outbox:', error));
  return { id: payload.id, queued: true, delivered };
}
