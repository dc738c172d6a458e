// report-ingest: reports/s and p99 latency of POST /api/reports with 50 concurrent clients on loopback, on
// PGlite and on PostgreSQL; baseline: a bare node:http handler that only parses the JSON, same load, same run.
// feed-publish: ms to build and sign a 100,000-entry feed from the store (first GET /feed.json and its .sig);
// baseline: serialising and signing the same entries held in memory.
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { BenchResult } from '../types.ts';
import { startServer } from '../../server/start-server.ts';
import { silentLogger } from '../../server/ops/log.ts';
import { confirmedEntries } from '../../server/feed/confirmed-entries.ts';
import { nativeFeedText } from '../../server/feed/feed-documents.ts';
import { signStatement } from '../../shared/feed-sync/signed-statement.ts';
import { freshPgliteDir } from '../../test/server/support/pglite-dir.ts';
import { postgresUnavailable, testPostgres } from '../../test/server/support/postgres.ts';

const CLIENTS = 50;
const REPORTS = 2_000;
const FEED_ENTRIES = 100_000;

export default async function (): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const bare = await bareHandler();
  const baseline = await load(`${bare.url}/api/reports`);
  await bare.close();

  const dataDir = await freshPgliteDir();
  results.push(...(await ingest('pglite', { dataDir }, baseline)));
  results.push(await feedPublish({ dataDir }));
  rmSync(dataDir, { recursive: true, force: true });

  let unavailable: string | undefined;
  try {
    unavailable = postgresUnavailable();
  } catch (error) {
    unavailable = (error as Error).message;
  }
  if (unavailable) {
    console.error(`server bench: PostgreSQL figures skipped (${unavailable})`);
    return results;
  }
  const pg = await testPostgres();
  try {
    results.push(...(await ingest('postgres', { databaseUrl: await pg.createDatabase() }, baseline)));
  } finally {
    await pg.dropAll();
  }
  return results;
}

interface LoadResult {
  perSecond: number;
  p99Ms: number;
}

async function ingest(kind: string, store: { dataDir?: string; databaseUrl?: string }, baseline: LoadResult): Promise<BenchResult[]> {
  const server = await startServer({ log: silentLogger, config: { port: 0, ...store, adminToken: 'bench', rateLimit: { burst: 1e9, perSecond: 1e9 } } });
  try {
    const run = await load(`${server.url}/api/reports`);
    const stored = (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports'))[0]!.n;
    if (stored !== REPORTS + CLIENTS) throw new Error(`stored ${stored} reports, expected ${REPORTS + CLIENTS}`);
    return [
      { name: `report-ingest-${kind}`, unit: 'reports/s', value: run.perSecond, baseline: baseline.perSecond, ratio: run.perSecond / baseline.perSecond, baselineName: 'bare node:http JSON parse', note: `${CLIENTS} clients, ${REPORTS} reports, each committed before the 201` },
      { name: `report-ingest-${kind}-p99`, unit: 'ms', value: run.p99Ms, baseline: baseline.p99Ms, ratio: run.p99Ms / baseline.p99Ms, baselineName: 'bare node:http JSON parse' },
    ];
  } finally {
    await server.close();
  }
}

/** CLIENTS concurrent keep-alive clients post REPORTS reports (after one warm-up report each). */
async function load(url: string): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const post = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const body = JSON.stringify(report());
      const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 201 ? resolve(performance.now() - started) : reject(new Error(`HTTP ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
  try {
    await Promise.all(Array.from({ length: CLIENTS }, post));
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next++ < REPORTS) latencies.push(await post());
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return { perSecond: latencies.length / seconds, p99Ms: latencies[Math.floor(latencies.length * 0.99)]! };
  } finally {
    agent.destroy();
  }
}

function report() {
  return {
    id: randomUUID(),
    kind: 'number',
    reportedAt: new Date().toISOString(),
    numbers: ['+18047134598'],
    brands: ['PayPal'],
    level: 'warning',
    reasons: ['brand-callback-lure'],
    message: { subject: 'Your PayPal invoice', from: 'billing@example.net', date: '', messageId: '' },
    client: { surface: 'gmail', version: 'bench' },
  };
}

async function bareHandler(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string };
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: parsed.id, stored: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function feedPublish(store: { dataDir?: string }): Promise<BenchResult> {
  const server = await startServer({ log: silentLogger, config: { port: 0, ...store, adminToken: 'bench' } });
  try {
    await server.db.exec(`
      INSERT INTO reports (id, kind, reported_at, reporter, payload)
        SELECT 'bench-' || g, 'number', now(), 'r' || (g % 97), jsonb_build_object('brands', jsonb_build_array('PayPal'))
          FROM generate_series(1, ${FEED_ENTRIES}) g;
      INSERT INTO report_numbers (report_id, e164) SELECT 'bench-' || g, '+1804' || (2000000 + g) FROM generate_series(1, ${FEED_ENTRIES}) g;
      INSERT INTO decisions (target, key, verdict, decided_by) SELECT 'number', '+1804' || (2000000 + g), 'scam', 'bench' FROM generate_series(1, ${FEED_ENTRIES}) g;`);
    const started = performance.now();
    const feed = await fetch(`${server.url}/feed.json`);
    const bytes = await feed.arrayBuffer();
    await (await fetch(`${server.url}/feed.json.sig`)).arrayBuffer();
    const ms = performance.now() - started;
    const entries = await confirmedEntries(server.db);
    if (entries.length !== FEED_ENTRIES) throw new Error(`feed has ${entries.length} entries`);
    const memoryStarted = performance.now();
    const text = new TextEncoder().encode(nativeFeedText('bench', entries, new Date(), 30));
    await signStatement(text, { url: `${server.url}/feed.json`, published: new Date(), sequence: 1 }, server.context.signingKey.privateKey);
    const memoryMs = performance.now() - memoryStarted;
    return {
      name: 'feed-publish',
      unit: 'ms',
      value: ms,
      baseline: memoryMs,
      ratio: ms / memoryMs,
      baselineName: 'serialise + sign from memory',
      note: `${FEED_ENTRIES} entries, ${(bytes.byteLength / 1e6).toFixed(1)} MB, built from the store, signed statement, gzip`,
    };
  } finally {
    await server.close();
  }
}
