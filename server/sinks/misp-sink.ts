// MISP: each reported number becomes a `phone-number` attribute of one event (POST /attributes/add/{event}).
// MISP refuses a value the event already holds; that answer counts as delivered.
import type { Sink } from './sink.ts';
import { postOrThrow } from './sink.ts';

export function mispSink(config: { name: string; url: string; apiKey: string; eventId: string; category?: string; toIds?: boolean }): Sink {
  const endpoint = `${config.url.replace(/\/+$/, '')}/attributes/add/${encodeURIComponent(config.eventId)}`;
  const alreadyThere = (status: number, body: string) => status === 403 && /already exists|similar attribute/i.test(body);
  return {
    name: config.name,
    async deliver(report) {
      for (const number of report.numbers) {
        const attribute = {
          type: 'phone-number',
          category: config.category ?? 'Payload delivery',
          value: number,
          to_ids: config.toIds ?? true,
          comment: [`Ringfence report ${report.id}`, report.brands.length ? `brands: ${report.brands.join(', ')}` : ''].filter(Boolean).join('; '),
        };
        await postOrThrow(
          endpoint,
          { headers: { authorization: config.apiKey, accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(attribute) },
          alreadyThere,
        );
      }
    },
  };
}
