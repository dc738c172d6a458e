// A small loopback HTTP server for tests: feeds, signatures, report endpoints, page bundles.
// Routes answer with a status, headers and a body, optionally slowly, truncated or not at all.
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LoggedRequest {
  method: string;
  /** Path and query, as requested. */
  url: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  at: number;
}

export interface RouteSpec {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Wait this long before sending the status line. */
  delayMs?: number;
  /** Send headers, then wait this long before the body. */
  bodyDelayMs?: number;
  /** Send only this many bytes of the body (Content-Length still says the full size), then drop the socket. */
  truncateAt?: number;
  /** Answer 304 when If-None-Match equals this ETag; also sent as the ETag header on 200. */
  etag?: string;
  /** Answer 304 when If-Modified-Since equals this date; also sent as Last-Modified on 200. */
  lastModified?: string;
  /** Accept the request, then never answer (until the server closes). */
  hang?: boolean;
}

/** Full control: write the response yourself. The request body is already read. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

export type Route = RouteSpec | RouteHandler;

export interface TestServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  port: number;
  /** Absolute URL for a path on this server. */
  url(path: string): string;
  /** Every request received, in order. */
  requests: LoggedRequest[];
  /** Requests to one path (query ignored). */
  requestsTo(path: string): LoggedRequest[];
  /** Adds or replaces a route (exact path match, query ignored). */
  route(path: string, route: Route): void;
  removeRoute(path: string): void;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with a random port. Unknown paths answer 404. */
export async function startHttpServer(routes: Record<string, Route> = {}): Promise<TestServer> {
  const table = new Map<string, Route>(Object.entries(routes));
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Socket>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = req.url ?? '/';
      const path = url.split('?')[0] ?? '/';
      requests.push({ method: req.method ?? 'GET', url, path, headers: { ...req.headers }, body, at: Date.now() });
      const route = table.get(path);
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      if (typeof route === 'function') {
        Promise.resolve(route(req, res, body)).catch((error: unknown) => {
          if (!res.headersSent) res.writeHead(500).end(String(error));
          else res.destroy();
        });
        return;
      }
      serveSpec(route, req, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    url: (path) => new URL(path, origin).href,
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    route: (path, route) => void table.set(path, route),
    removeRoute: (path) => void table.delete(path),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function serveSpec(spec: RouteSpec, req: IncomingMessage, res: ServerResponse): void {
  if (spec.hang) return;
  const send = () => {
    if (res.destroyed) return;
    const notModified =
      (spec.etag !== undefined && req.headers['if-none-match'] === spec.etag) ||
      (spec.lastModified !== undefined && req.headers['if-modified-since'] === spec.lastModified);
    const headers: Record<string, string> = { ...spec.headers };
    if (spec.etag !== undefined) headers['etag'] = spec.etag;
    if (spec.lastModified !== undefined) headers['last-modified'] = spec.lastModified;
    if (notModified) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = typeof spec.body === 'string' ? Buffer.from(spec.body) : Buffer.from(spec.body ?? new Uint8Array());
    headers['content-length'] = String(body.length);
    res.writeHead(spec.status ?? 200, headers);
    res.flushHeaders();
    const writeBody = () => {
      if (res.destroyed) return;
      if (spec.truncateAt !== undefined && spec.truncateAt < body.length) {
        res.write(body.subarray(0, spec.truncateAt), () => res.destroy());
      } else {
        res.end(body);
      }
    };
    if (spec.bodyDelayMs) setTimeout(writeBody, spec.bodyDelayMs);
    else writeBody();
  };
  if (spec.delayMs) setTimeout(send, spec.delayMs);
  else send();
}

/** A loopback URL nobody listens on (a port that was just bound and released): connections are refused. */
export async function refusedUrl(path = '/'): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${path}`;
}
