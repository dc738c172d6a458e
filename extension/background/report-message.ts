// "Report this number": builds the DESIGN.md payload, queues it in the outbox, and starts delivery.
import browser from 'webextension-polyfill';
import { buildReportPayload } from '../../shared/report/build-report-payload.ts';
import type { BackgroundRequest, ReportResponse } from '../lib/messages.ts';
import { flushOutbox, getOutbox } from './outbox-runner.ts';

export async function reportMessage(request: Extract<BackgroundRequest, { type: 'report' }>): Promise<ReportResponse> {
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
  await outbox.enqueue(payload);
  const result = await flushOutbox().catch(() => null);
  return { id: payload.id, queued: true, delivered: result?.delivered.includes(payload.id) ?? false };
}
