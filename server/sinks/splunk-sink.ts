// Splunk HTTP Event Collector: POST {url} (…/services/collector/event), `Authorization: Splunk <token>`.
import type { Sink } from './sink.ts';
import { postOrThrow } from './sink.ts';

export function splunkSink(config: { name: string; url: string; token: string; sourcetype?: string; index?: string }): Sink {
  return {
    name: config.name,
    async deliver(report, receivedAt) {
      const event = {
        time: Date.parse(receivedAt) / 1000,
        source: 'ringfence',
        sourcetype: config.sourcetype ?? 'ringfence:report',
        ...(config.index ? { index: config.index } : {}),
        event: report,
      };
      await postOrThrow(config.url, { headers: { authorization: `Splunk ${config.token}`, 'content-type': 'application/json' }, body: JSON.stringify(event) });
    },
  };
}
