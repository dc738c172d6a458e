// Report payloads and HTTP helpers for the server tests.
import { randomUUID } from 'node:crypto';
import type { ReportPayload } from '../../../shared/report/report-payload.ts';

export function makeReport(overrides: Partial<ReportPayload> = {}): ReportPayload {
  return {
    id: randomUUID(),
    kind: 'number',
    reportedAt: '2026-03-06T10:00:00.000Z',
    numbers: ['+18047134598'],
    brands: ['PayPal'],
    level: 'warning',
    reasons: ['brand-callback-lure'],
    message: { subject: 'Your PayPal invoice', from: 'billing@paypa1-support.example', date: '2026-03-06T09:00:00Z', messageId: '<a@b>' },
    client: { surface: 'gmail', version: '0.1.0' },
    ...overrides,
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json, headers: response.headers };
}

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(url, { headers });
  return { status: response.status, json: await response.json() };
}
