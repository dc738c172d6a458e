// Starts `ringfence serve`: opens and migrates the store, makes the keys, wires routes, sinks and shutdown.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_CONFIG, type ServerConfig } from './config.ts';
import { openDatabase } from './db/open-database.ts';
import type { Database } from './db/database.ts';
import { tokenBucket } from './http/rate-limit.ts';
import { router } from './http/router.ts';
import { answerPreflight } from './http/cors.ts';
import { sendJson } from './http/respond.ts';
import { jsonLogger, type Logger } from './ops/log.ts';
import { newMetrics, prometheusText } from './ops/metrics.ts';
import { ensureAdminToken } from './admin/admin-token.ts';
import { ensureSigningKey } from './feed/signing-key.ts';
import { feedPublisher } from './feed/feed-publisher.ts';
import { FEED_PATHS, getFeedDocument } from './feed/feed-routes.ts';
import { getPolicy, getQueue, postDecision } from './admin/admin-routes.ts';
import { postReport } from './reports/report-routes.ts';
import { makeSinks } from './sinks/make-sinks.ts';
import type { Sink } from './sinks/sink.ts';
import { startSinkWorker, type SinkWorkerOptions } from './sinks/sink-worker.ts';
import { policySnippet } from './print-policy.ts';
import type { ServerContext } from './server-context.ts';
import type { Handler } from './http/router.ts';

export interface StartOptions {
  config?: Partial<ServerConfig>;
  log?: Logger;
  /** Tests: sinks built elsewhere, worker timing, an already open store. */
  sinks?: Sink[];
  sinkWorker?: SinkWorkerOptions;
  feedReportLagMs?: number;
  /** Milliseconds shutdown waits for requests in flight. */
  drainMs?: number;
}

export interface RunningServer {
  /** "http://127.0.0.1:PORT" as bound. */
  url: string;
  port: number;
  db: Database;
  context: ServerContext;
  /** The admin token when this start generated it (print it once). */
  generatedAdminToken?: string;
  /** Stop accepting, finish requests in flight, stop the sink worker, close the store. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...options.config };
  const log = options.log ?? jsonLogger();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const admin = await ensureAdminToken(db, config.adminToken);
  const signingKey = await ensureSigningKey(db);
  const metrics = newMetrics();
  const sinks = options.sinks ?? makeSinks(config.sinks);
  const worker = startSinkWorker(db, sinks, log, metrics, options.sinkWorker);
  const ctx: ServerContext = {
    config,
    db,
    rateLimiter: tokenBucket(config.rateLimit),
    metrics,
    log,
    feed: feedPublisher(db, signingKey, { name: config.feedName, ttlDays: config.feedTtlDays, reportLagMs: options.feedReportLagMs }),
    signingKey,
    adminTokenSha256: admin.sha256,
    sinkNames: sinks.map((s) => s.name),
    onReportStored: () => worker.wake(),
  };

  const routes: Record<string, Partial<Record<string, Handler>>> = {
    '/api/reports': {
      POST: (req, res) => postReport(ctx, req, res),
      OPTIONS: (req, res) => answerPreflight(req, res, config.allowedOrigins, 'POST, OPTIONS'),
    },
    '/api/admin/queue': { GET: (req, res, url) => getQueue(ctx, req, res, url) },
    '/api/admin/decisions': { POST: (req, res) => postDecision(ctx, req, res) },
    '/api/admin/policy': { GET: (req, res) => getPolicy(ctx, req, res) },
    '/healthz': { GET: (_req, res) => healthz(db, res) },
    '/metrics': {
      GET: async (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
        res.end(await prometheusText(metrics, db, ctx.sinkNames));
      },
    },
  };
  for (const [path, which] of Object.entries(FEED_PATHS)) routes[path] = { GET: (req, res) => getFeedDocument(ctx, req, res, which) };

  const handle = router(routes, log);
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const server: Server = createServer((req, res) => {
    inFlight++;
    res.on('close', () => {
      inFlight--;
      if (inFlight === 0) idle?.();
    });
    void handle(req, res);
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  }).catch(async (error: unknown) => {
    await worker.stop();
    await db.close();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  if (admin.generated) {
    log('warn', 'generated an admin token; it is shown only this once (set RINGFENCE_ADMIN_TOKEN to choose your own)', { adminToken: admin.generated });
    log('info', 'policy for the extension and the add-in', { policy: policySnippet(config.publicUrl ?? url, signingKey.publicKeySpki, config.reportToken) });
  }
  log('info', 'ringfence server listening', { url, store: db.kind, sinks: ctx.sinkNames });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      log('info', 'shutting down: no new connections, finishing requests in flight');
      server.close();
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          idle = resolve;
          setTimeout(resolve, options.drainMs ?? 10_000).unref();
        });
      }
      server.closeAllConnections();
      await worker.stop();
      await db.close();
      log('info', 'stopped');
    })();
    return closing;
  };
  return { url, port, db, context: ctx, ...(admin.generated ? { generatedAdminToken: admin.generated } : {}), close };
}

async function healthz(db: Database, res: import('node:http').ServerResponse): Promise<void> {
  try {
    await db.query('SELECT 1');
    sendJson(res, 200, { status: 'ok', store: db.kind });
  } catch (error) {
    sendJson(res, 503, { status: 'unavailable', error: (error as Error).message });
  }
}
