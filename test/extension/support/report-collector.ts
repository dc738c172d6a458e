// A report endpoint on 127.0.0.1 that can go down (connections refused) and come back on the same port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedReport {
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  at: number;
}

export interface ReportCollector {
  url: string;
  received: ReceivedReport[];
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
  /** Resolves with the reports whose id is `id` once at least one has arrived. */
  waitFor(predicate: (r: ReceivedReport) => boolean, timeoutMs: number): Promise<ReceivedReport>;
}

export async function startReportCollector(path = '/reports'): Promise<ReportCollector> {
  const received: ReceivedReport[] = [];
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  let port = 0;

  const listen = async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== path) return void res.writeHead(404).end();
        try {
          received.push({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>, headers: req.headers, at: Date.now() });
          res.writeHead(202, { 'content-type': 'application/json' }).end('{"ok":true}');
        } catch {
          res.writeHead(400).end('bad json');
        }
      });
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
      server = undefined;
    });

  await listen();
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    stop,
    start: listen,
    close: stop,
    async waitFor(predicate, timeoutMs) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(predicate);
        if (found) return found;
        if (Date.now() > until) throw new Error(`no matching report within ${timeoutMs} ms (received ${received.length})`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}
