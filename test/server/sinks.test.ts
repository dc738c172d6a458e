// Forwarding: each sink has a durable queue; a sink that is down during a burst receives every report once
// it is back, exactly once each; webhook bodies carry a valid HMAC; Splunk HEC and MISP get their formats.
import { afterAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { STORE_KINDS } from './support/stores.ts';
import { startTestServer } from './support/server.ts';
import { makeReport, postJson } from './support/reports.ts';
import { startReceiver, type Receiver } from './support/receiver.ts';

const receivers: Receiver[] = [];
afterAll(() => Promise.all(receivers.map((r) => r.close())));
const fastRetry = { sinkWorker: { pollMs: 100, backoff: (n: number) => Math.min(50 * 2 ** n, 500), leaseMs: 5_000 } };

async function until(check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(STORE_KINDS)('sinks on %s', (kind) => {
  it('a webhook down for a burst receives every report once when it is back', async () => {
    const hook = await startReceiver();
    receivers.push(hook);
    await hook.down();
    const server = await startTestServer(kind, { sinks: [{ type: 'webhook', name: 'soc', url: `${hook.url}/hook`, secret: 'hmac-secret' }] }, fastRetry);
    const ids: string[] = [];
    const BURST = 300;
    for (let start = 0; start < BURST; start += 50) {
      const batch = Array.from({ length: 50 }, () => makeReport());
      const answers = await Promise.all(batch.map((r) => postJson(`${server.url}/api/reports`, r)));
      expect(answers.every((a) => a.status === 201)).toBe(true);
      ids.push(...batch.map((r) => r.id));
    }
    const waiting = await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sink_queue WHERE sink = 'soc'");
    expect(waiting[0]!.n).toBe(BURST);
    expect(Number((await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sink_queue WHERE attempts > 0"))[0]!.n)).toBeGreaterThan(0);

    await hook.up();
    await until(() => hook.received.length >= BURST);
    await new Promise((resolve) => setTimeout(resolve, 300)); // no late duplicates
    const delivered = hook.received.map((r) => JSON.parse(r.body).report.id as string);
    expect(delivered.length).toBe(BURST);
    expect(new Set(delivered)).toEqual(new Set(ids));
    for (const r of hook.received.slice(0, 20)) {
      expect(r.headers['x-ringfence-signature']).toBe(`sha256=${createHmac('sha256', 'hmac-secret').update(r.body).digest('hex')}`);
      expect(r.headers['content-type']).toBe('application/json');
    }
    expect(await server.db.query('SELECT * FROM sink_queue')).toEqual([]);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain(`ringfence_reports_forwarded_total{sink="soc"} ${BURST}`);
    expect(metrics).toMatch(/ringfence_forward_failures_total\{sink="soc"\} [1-9]/);
  }, 120_000);
});

describe('sink formats', () => {
  it('sends Splunk HEC events and MISP phone-number attributes; MISP "already exists" counts as delivered', async () => {
    const splunk = await startReceiver();
    const misp = await startReceiver();
    receivers.push(splunk, misp);
    let mispCalls = 0;
    misp.answer = (r) => {
      mispCalls++;
      if (mispCalls === 1) return { status: 500, body: '{"message":"busy"}' };
      if (JSON.parse(r.body).value === '+13125550199') return { status: 403, body: '{"message":"Could not add Attribute","errors":{"value":["A similar attribute already exists for this event."]}}' };
      return { status: 200 };
    };
    const server = await startTestServer('pglite', {
      sinks: [
        { type: 'splunk', name: 'splunk', url: `${splunk.url}/services/collector/event`, token: 'hec-token', index: 'security' },
        { type: 'misp', name: 'misp', url: `${misp.url}/`, apiKey: 'misp-key', eventId: '42' },
      ],
    }, fastRetry);
    const report = makeReport({ numbers: ['+18047134598', '+13125550199'] });
    expect((await postJson(`${server.url}/api/reports`, report)).status).toBe(201);
    await until(() => splunk.received.length === 1 && misp.received.length === 1);
    await until(async () => (await server.db.query('SELECT * FROM sink_queue')).length === 0);

    const hec = splunk.received[0]!;
    expect(hec.path).toBe('/services/collector/event');
    expect(hec.headers.authorization).toBe('Splunk hec-token');
    expect(JSON.parse(hec.body)).toMatchObject({ source: 'ringfence', sourcetype: 'ringfence:report', index: 'security', event: { id: report.id, numbers: report.numbers } });

    expect(misp.received[0]!.path).toBe('/attributes/add/42');
    expect(misp.received[0]!.headers.authorization).toBe('misp-key');
    expect(JSON.parse(misp.received[0]!.body)).toMatchObject({ type: 'phone-number', value: '+18047134598', to_ids: true });
    expect(mispCalls).toBeGreaterThanOrEqual(3); // 500 first, then both numbers
  });
});
