// A report endpoint on 127.0.0.1 that can go down (connections refused, or answering an error status) and
// come back on the same port, and answer slowly.
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
  /** POSTs answered with an error status (setStatus), not taken. */
  turnedAway: number;
  /** The status POSTs get from now on (202 at first); a report answered otherwise is not taken. */
  setStatus(status: number): void;
  /** Answer each POST this long after it arrived (it is taken on arrival, as a server commits before answering). */
  setDelay(ms: number): void;
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
  let status = 202;
  let delayMs = 0;
  const collector = { turnedAway: 0 };

  const listen = async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== path) return void res.writeHead(404).end();
        if (status < 200 || status > 299) {
          collector.turnedAway++;
          return void res.writeHead(status).end();
        }
        const answered = status;
        try {
          received.push({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>, headers: req.headers, at: Date.now() });
          const answer = () => res.writeHead(answered, { 'content-type': 'application/json' }).end('{"ok":true}');
          if (delayMs > 0) setTimeout(answer, delayMs);
          else answer();
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
  const api: Omit<ReportCollector, 'turnedAway'> = {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    setStatus(next: number) {
      status = next;
    },
    setDelay(ms: number) {
      delayMs = ms;
    },
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
  return Object.assign(collector, api);
}
