// The outbox with fake-indexeddb (unit level); the browser tests run it in real Chromium IndexedDB.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { defaultBackoff, isOutboxFull, MAX_RETRY_MS, openOutbox, OutboxFullError } from '../../shared/browser/outbox.ts';
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

  it('refuses a report clearly when full of reports not sent yet, and loses none of them', async () => {
    const box = await openOutbox({ name: 'outbox-full', maxPending: 3, backoff: () => 60_000 });
    for (const id of ['f1', 'f2', 'f3']) await box.enqueue(report(id));
    const refused = await box.enqueue(report('f4')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OutboxFullError);
    expect(isOutboxFull(refused)).toBe(true);
    expect((refused as Error).message).toMatch(/3 reports are waiting .* not saved/);
    expect((await box.pending()).map((e) => e.id)).toEqual(['f1', 'f2', 'f3']);
    // The same report again is not a new one: no error.
    await box.enqueue(report('f2'));
    status = 200;
    await box.flush(server.url('/reports'));
    await box.enqueue(report('f4'));
    expect((await box.pending()).map((e) => e.id)).toEqual(['f4']);
    box.close();
  });

  it('forgets the oldest delivered ids beyond its limit', async () => {
    let now = 5_000_000;
    const box = await openOutbox({ name: 'outbox-history', now: () => now, maxDelivered: 2 });
    status = 200;
    for (const id of ['h1', 'h2', 'h3', 'h4']) {
      now += 1_000;
      await box.enqueue(report(id));
      await box.flush(server.url('/reports'));
    }
    expect(await Promise.all(['h1', 'h2', 'h3', 'h4'].map((id) => box.wasDelivered(id)))).toEqual([false, false, true, true]);
    box.close();
  });

  it('delivers in click order, whatever the ids', async () => {
    const box = await openOutbox({ name: 'outbox-order' });
    const ids = ['z-last-letter', 'a-first-letter', 'm-middle', '0-digit'];
    for (const id of ids) await box.enqueue(report(id));
    expect((await box.pending()).map((e) => e.id)).toEqual(ids);
    status = 200;
    const before = server.requests.length;
    await box.flush(server.url('/reports'));
    expect(server.requests.slice(before).map((r) => JSON.parse(r.body.toString()).id)).toEqual(ids);
    box.close();
  });

  it('sends the clicked report first, without waiting for the queue ahead of it', async () => {
    const slow = await startHttpServer({
      '/reports': (_req, res) => void setTimeout(() => res.writeHead(202).end(), 400),
    });
    const box = await openOutbox({ name: 'outbox-first' });
    for (const id of ['q1', 'q2', 'q3', 'q4']) await box.enqueue(report(id));
    const whole = box.flush(slow.url('/reports'));
    await new Promise((r) => setTimeout(r, 50));
    await box.enqueue(report('clicked'));
    const start = performance.now();
    expect(await box.sendNow('clicked', slow.url('/reports'))).toBe(true);
    expect(performance.now() - start).toBeLessThan(1_000);
    const result = await whole;
    expect(result.delivered).toEqual(['q1', 'q2', 'q3', 'q4']);
    const order = slow.requests.map((r) => JSON.parse(r.body.toString()).id);
    expect(order.indexOf('clicked')).toBeLessThan(order.indexOf('q3'));
    expect(order.filter((id) => id === 'clicked')).toHaveLength(1);
    expect(await box.sendNow('clicked', slow.url('/reports'))).toBe(true);
    expect(slow.requests).toHaveLength(5);
    box.close();
    await slow.close();
  });

  it('retries at once when asked (back online), whatever the back-off', async () => {
    const box = await openOutbox({ name: 'outbox-online', backoff: () => 60 * 60_000 });
    await box.enqueue(report('o1'));
    status = 503;
    await box.flush(server.url('/reports'));
    status = 200;
    expect((await box.flush(server.url('/reports'))).delivered).toEqual([]);
    expect((await box.flush(server.url('/reports'), undefined, { retryNow: true })).delivered).toEqual(['o1']);
    box.close();
  });

  it('waits behind its first report while the endpoint is down, then sends the whole queue in click order', async () => {
    let now = 10_000_000;
    // The first report has failed more often, so it waits longer than the reports clicked after it.
    const box = await openOutbox({ name: 'outbox-down-order', now: () => now, backoff: (n) => n * 10_000 });
    status = 503;
    await box.enqueue(report('d1'));
    await box.flush(server.url('/reports'));
    now += 10_000;
    await box.flush(server.url('/reports'));
    const before = server.requests.length;
    for (const id of ['d2', 'd3', 'd4']) {
      await box.enqueue(report(id));
      expect(await box.sendNow(id, server.url('/reports'))).toBe(false);
      // One request per flush while down: the queue's first report, when due.
      const flushed = await box.flush(server.url('/reports'));
      expect(flushed.failed).toEqual([]);
      expect(flushed.nextAttempt).toBe(10_010_000 + 20_000);
    }
    expect(server.requests.length - before).toBe(3);
    status = 200;
    now += 10_000; // d2…d4 are due, d1 not yet: nothing goes ahead of it
    expect((await box.flush(server.url('/reports'))).delivered).toEqual([]);
    now += 10_000;
    const sent = server.requests.length;
    const result = await box.flush(server.url('/reports'));
    expect(result.delivered).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(server.requests.slice(sent).map((r) => JSON.parse(r.body.toString()).id)).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(result.pending).toBe(0);
    box.close();
  });

  it('sends the waiting queue at once after a report got through (the endpoint is back)', async () => {
    let now = 20_000_000;
    const box = await openOutbox({ name: 'outbox-back', now: () => now, backoff: () => 5 * 60_000 });
    status = 503;
    await box.enqueue(report('w1'));
    await box.flush(server.url('/reports'));
    status = 202;
    now += 1_000;
    await box.enqueue(report('w2'));
    expect(await box.sendNow('w2', server.url('/reports'))).toBe(true);
    now += 1_000;
    expect((await box.flush(server.url('/reports'))).delivered).toEqual(['w1']);
    box.close();
  });

  it('does not hold the queue behind a report the endpoint refuses as such (400)', async () => {
    const picky = await startHttpServer({
      '/reports': (_req, res, body) => void res.writeHead(JSON.parse(body.toString()).id === 'bad' ? 400 : 202).end(),
    });
    const box = await openOutbox({ name: 'outbox-refused', backoff: () => 60_000 });
    for (const id of ['bad', 'good1', 'good2']) await box.enqueue(report(id));
    const result = await box.flush(picky.url('/reports'));
    expect(result.failed).toEqual([{ id: 'bad', error: 'HTTP 400' }]);
    expect(result.delivered).toEqual(['good1', 'good2']);
    await box.enqueue(report('good3'));
    expect((await box.flush(picky.url('/reports'))).delivered).toEqual(['good3']);
    expect((await box.pending()).map((e) => e.id)).toEqual(['bad']);
    box.close();
    await picky.close();
  });

  it('backs off with jitter, from 5 s up to 5 minutes', () => {
    const first = Array.from({ length: 50 }, () => defaultBackoff(1));
    expect(Math.min(...first)).toBeGreaterThanOrEqual(4_000);
    expect(Math.max(...first)).toBeLessThanOrEqual(6_000);
    expect(new Set(first).size).toBeGreaterThan(10);
    const late = Array.from({ length: 50 }, () => defaultBackoff(40));
    expect(Math.max(...late)).toBeLessThanOrEqual(MAX_RETRY_MS * 1.2);
    expect(Math.min(...late)).toBeGreaterThanOrEqual(MAX_RETRY_MS * 0.8);
    expect(MAX_RETRY_MS).toBe(5 * 60_000);
  });

  it('keeps the reports of an outbox written by the previous version, in the order they were made', async () => {
    const old = await openDB('outbox-v1', 1, {
      upgrade(db) {
        db.createObjectStore('queue', { keyPath: 'id' });
        db.createObjectStore('delivered', { keyPath: 'id' });
      },
    });
    await old.put('queue', { id: 'b-second', payload: report('b-second'), createdAt: 2, attempts: 1, nextAttempt: 0 });
    await old.put('queue', { id: 'a-third', payload: report('a-third'), createdAt: 3, attempts: 0, nextAttempt: 0 });
    await old.put('queue', { id: 'c-first', payload: report('c-first'), createdAt: 1, attempts: 0, nextAttempt: 0 });
    await old.put('delivered', { id: 'done', at: Date.now() });
    old.close();
    const box = await openOutbox({ name: 'outbox-v1' });
    expect((await box.pending()).map((e) => e.id)).toEqual(['c-first', 'b-second', 'a-third']);
    expect(await box.wasDelivered('done')).toBe(true);
    status = 200;
    expect((await box.flush(server.url('/reports'))).delivered).toEqual(['c-first', 'b-second', 'a-third']);
    box.close();
  });
});
