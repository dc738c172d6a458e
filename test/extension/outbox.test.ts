// The outbox with fake-indexeddb (unit level); the browser tests run it in real Chromium IndexedDB.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOutbox } from '../../shared/browser/outbox.ts';
import type { ReportPayload } from '../../shared/report/report-payload.ts';
import { startHttpServer, refusedUrl, type TestServer } from '../support/http-server.ts';

const report = (id: string): ReportPayload => ({
  id,
  kind: 'number',
  reportedAt: '2026-03-07T10:00:00.000Z',
  numbers: ['+18047134598'],
  brands: ['PayPal'],
  level: 'danger',
  reasons: ['feed-number'],
  message: { subject: 's', from: 'f@example.com', date: '', messageId: '' },
  client: { surface: 'gmail', version: '0.1.0' },
});

describe('report outbox', () => {
  let server: TestServer;
  let status = 503;
  beforeAll(async () => {
    server = await startHttpServer({ '/reports': (_req, res) => void res.writeHead(status).end() });
  });
  afterAll(() => server.close());

  it('keeps a report until the endpoint answers 2xx, with back-off, then sends it once', async () => {
    let now = 1_000_000;
    const box = await openOutbox({ name: 'outbox-a', now: () => now, backoff: (n) => n * 1000 });
    await box.enqueue(report('r1'));
    await box.enqueue(report('r1'));
    status = 503;
    let result = await box.flush(server.url('/reports'));
    expect(result.failed).toEqual([{ id: 'r1', error: 'HTTP 503' }]);
    expect(result.nextAttempt).toBe(now + 1000);
    expect(server.requestsTo('/reports')).toHaveLength(1);

    status = 200;
    result = await box.flush(server.url('/reports'));
    expect(result.delivered).toEqual([]);
    expect(server.requestsTo('/reports')).toHaveLength(1);

    now += 1000;
    result = await box.flush(server.url('/reports'));
    expect(result.delivered).toEqual(['r1']);
    const sent = server.requestsTo('/reports');
    expect(sent).toHaveLength(2);
    expect(JSON.parse(sent[1]!.body.toString())).toEqual(report('r1'));
    expect(sent[1]!.headers['idempotency-key']).toBe('r1');

    await box.enqueue(report('r1'));
    expect(await box.pending()).toEqual([]);
    await box.flush(server.url('/reports'));
    expect(server.requestsTo('/reports')).toHaveLength(2);
    box.close();
  });

  it('survives being reopened (a stopped worker) and a refused connection', async () => {
    const down = await refusedUrl('/reports');
    const first = await openOutbox({ name: 'outbox-b', backoff: () => 0 });
    await first.enqueue(report('r2'));
    const failed = await first.flush(down);
    expect(failed.failed[0]?.id).toBe('r2');
    first.close();

    status = 204;
    const second = await openOutbox({ name: 'outbox-b', backoff: () => 0 });
    expect((await second.pending()).map((e) => e.id)).toEqual(['r2']);
    const [a, b] = await Promise.all([second.flush(server.url('/reports')), second.flush(server.url('/reports'))]);
    expect([...a.delivered, ...b.delivered]).toEqual(['r2']);
    expect(server.requests.filter((r) => JSON.parse(r.body.toString()).id === 'r2')).toHaveLength(1);
    second.close();
  });
});
