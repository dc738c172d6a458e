// Operations through the real CLI: first start generates and prints the admin token and the policy,
// --print-policy, /healthz, /metrics, JSON logs, and a graceful SIGTERM that finishes requests in flight.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { freshStore } from './support/stores.ts';
import { spawnServer } from './support/child-server.ts';
import { makeReport } from './support/reports.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { verifyStatement } from '../../shared/feed-sync/signed-statement.ts';

const CLI = fileURLToPath(new URL('../../bin/ringfence.js', import.meta.url));
const run = promisify(execFile);

describe('ringfence serve', () => {
  it('prints the policy, generates an admin token once, serves health and metrics, and stops gracefully', async () => {
    const store = await freshStore('pglite');
    const printed = await run(process.execPath, [CLI, 'serve', '--print-policy', '--data', store.dataDir!, '--public-url', 'https://intel.example.com/'], { env: { ...process.env, RINGFENCE_REPORT_TOKEN: 'tok-123', DATABASE_URL: '' } });
    const policy = JSON.parse(printed.stdout);
    expect(policy).toEqual({
      feeds: [{ url: 'https://intel.example.com/feed.json', format: 'ringfence', publicKey: expect.stringMatching(/^MCowBQYDK2VwAyEA/) }],
      reportEndpoint: 'https://intel.example.com/api/reports',
      reportToken: 'tok-123',
    });

    // First start without RINGFENCE_ADMIN_TOKEN: a token is generated, logged once, and works.
    const env = { RINGFENCE_ADMIN_TOKEN: '' };
    const server = await spawnServer(store, {}, env);
    const logs = server.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logs.every((l) => typeof l.time === 'string' && typeof l.level === 'string' && typeof l.msg === 'string')).toBe(true);
    const token = logs.find((l) => typeof l.adminToken === 'string')?.adminToken as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await fetch(`${server.url}/api/admin/queue`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok', store: 'pglite' });
    await post(server.url, makeReport());
    const retried = makeReport();
    await post(server.url, retried);
    await post(server.url, retried);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('ringfence_reports_received_total 3');
    expect(metrics).toContain('ringfence_reports_deduplicated_total 1');
    expect(metrics).toContain('ringfence_reports_stored 2');
    expect(metrics).toContain('# TYPE ringfence_feed_entries gauge');

    // The feed is signed with the key --print-policy showed, for the URL the server is reached at.
    const feed = new Uint8Array(await (await fetch(`${server.url}/feed.json`)).arrayBuffer());
    const sig = new Uint8Array(await (await fetch(`${server.url}/feed.json.sig`)).arrayBuffer());
    expect((await verifyStatement(feed, sig, policy.feeds[0].publicKey, { url: `${server.url}/feed.json` })).ok).toBe(true);

    // SIGTERM while a report is half sent: the request is finished and stored, new connections are refused.
    const slow = makeReport();
    const body = JSON.stringify(slow);
    const inFlight = new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(body.slice(0, 20));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(20)), 500);
      }, 200);
    });
    expect(await inFlight).toBe(201);
    expect(await server.exited).toBe(0);
    expect(server.logs.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    // Second start: the stored token is kept (not printed again).
    const again = await spawnServer(store, {}, env);
    expect(again.logs.some((l) => l.includes('adminToken'))).toBe(false);
    expect((await fetch(`${again.url}/api/admin/queue`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    again.child.kill('SIGTERM');
    await again.exited;
    const db = await openDatabase(store);
    try {
      expect((await db.query('SELECT id FROM reports WHERE id = $1', [slow.id]))).toHaveLength(1);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('refuses bad arguments with status 2', async () => {
    const bad = await run(process.execPath, [CLI, 'serve', '--port', 'eighty'], { env: { ...process.env, DATABASE_URL: '' } }).catch((error: { code: number; stderr: string }) => error);
    expect((bad as { code: number }).code).toBe(2);
    expect((bad as { stderr: string }).stderr).toMatch(/--port/);
  });
});

async function post(url: string, report: unknown): Promise<void> {
  const response = await fetch(`${url}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report) });
  expect(response.ok).toBe(true);
}
