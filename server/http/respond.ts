// Writing answers: JSON, and cacheable bytes with ETag / If-None-Match and gzip when the client accepts it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

export interface Representation {
  bytes: Buffer;
  /** Pre-compressed copy (built once per feed version). */
  gzipped?: Buffer;
  etag: string;
  contentType: string;
  lastModified?: string;
}

export function gzipRepresentation(rep: Omit<Representation, 'gzipped'>): Representation {
  return { ...rep, gzipped: gzipSync(rep.bytes, { level: 6 }) };
}

export function sendRepresentation(req: IncomingMessage, res: ServerResponse, rep: Representation, headers: Record<string, string> = {}): void {
  const common: Record<string, string> = {
    etag: rep.etag,
    'cache-control': 'no-cache',
    vary: 'accept-encoding',
    ...(rep.lastModified ? { 'last-modified': rep.lastModified } : {}),
    ...headers,
  };
  if (etagMatches(req.headers['if-none-match'], rep.etag)) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  const gzip = rep.gzipped !== undefined && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? rep.gzipped! : rep.bytes;
  res.writeHead(200, { ...common, 'content-type': rep.contentType, 'content-length': String(body.length), ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}
