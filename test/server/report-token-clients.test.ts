// The policy key reportToken, and the clients sending it as `Authorization: Bearer` to a server that requires it.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../shared/policy/validate-policy.ts';
import { openOutbox } from '../../shared/browser/outbox.ts';
import { withReportToken } from '../../shared/report/with-report-token.ts';
import { deliverReport } from '../../addin/report/deliver-report.ts';
import { startTestServer } from './support/server.ts';
import { makeReport } from './support/reports.ts';

const TOKEN = 'Zx9-report-token';

describe('reportToken', () => {
  it('is a policy key: printable, no spaces', () => {
    expect(validatePolicy({ reportToken: TOKEN })).toMatchObject({ policy: { reportToken: TOKEN }, errors: [] });
    expect(validatePolicy({ reportToken: 'has space' }).errors).toEqual(['reportToken: expected a token of 1 to 512 printable characters without spaces']);
    expect(validatePolicy({ reportToken: 42 }).policy).not.toHaveProperty('reportToken');
  });

  it('goes with the outbox and with direct delivery, and the server stores what it authorises', async () => {
    const server = await startTestServer('pglite', { reportToken: TOKEN });
    const endpoint = `${server.url}/api/reports`;
    const fetchFn = globalThis.fetch.bind(globalThis);
    let parked = 0;
    const env = { fetchFn, park: async () => void parked++, retryDelaysMs: [] };

    expect(await deliverReport(makeReport(), endpoint, env)).toBe('queued'); // no token: 401, parked
    expect(parked).toBe(1);
    expect(await deliverReport(makeReport(), endpoint, env, TOKEN)).toBe('delivered');
    expect(await deliverReport(makeReport(), endpoint, { ...env, openOutbox: () => openOutbox({ name: 'token-test' }) }, TOKEN)).toBe('delivered');

    const outbox = await openOutbox({ name: 'token-test-2' });
    await outbox.enqueue(makeReport());
    expect((await outbox.flush(endpoint, withReportToken(fetchFn, TOKEN))).delivered).toHaveLength(1);
    outbox.close();
    expect(await server.db.query('SELECT id FROM reports')).toHaveLength(3);
  });

  it('leaves fetch alone without a token and keeps the caller\'s other headers', async () => {
    const seen: Headers[] = [];
    const fake = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Headers(init?.headers));
      return new Response('{}');
    }) as typeof fetch;
    expect(withReportToken(fake, undefined)).toBe(fake);
    await withReportToken(fake, TOKEN)('http://127.0.0.1/x', { headers: { 'content-type': 'application/json', 'idempotency-key': 'k' } });
    expect(Object.fromEntries(seen[0]!)).toEqual({ authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'idempotency-key': 'k' });
  });
});
