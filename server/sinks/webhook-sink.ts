// Generic webhook: the report as JSON, signed with HMAC-SHA256 of the exact body when a secret is set
// (X-Ringfence-Signature: sha256=<hex>, the way GitHub signs its webhooks).
import { createHmac } from 'node:crypto';
import type { Sink } from './sink.ts';
import { postOrThrow } from './sink.ts';

export function webhookSink(config: { name: string; url: string; secret?: string }): Sink {
  return {
    name: config.name,
    async deliver(report, receivedAt) {
      const body = JSON.stringify({ type: 'ringfence.report', receivedAt, report });
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-ringfence-delivery': report.id };
      if (config.secret) headers['x-ringfence-signature'] = `sha256=${createHmac('sha256', config.secret).update(body).digest('hex')}`;
      await postOrThrow(config.url, { headers, body });
    },
  };
}
