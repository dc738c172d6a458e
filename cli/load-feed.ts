import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed, DEFAULT_MAX_BYTES, FeedParseError, type FeedParseResult, type ParseFeedOptions } from '../shared/feed/index.ts';
import { formatBytes } from '../shared/feed/decode-input.ts';
import { fetchBytes, type FetchLike } from '../shared/feed-sync/fetch-bytes.ts';

/** The feed's source could not be read (missing file, HTTP error, timeout); its content was never seen. */
export class FeedSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedSourceError';
  }
}

export interface LoadFeedOptions extends ParseFeedOptions {
  /** Deadline for fetching a URL, in ms. Default 30 s. */
  timeoutMs?: number;
  fetch?: FetchLike;
}

/**
 * Reads a feed from a file path (`-` for standard input) or an http(s) URL (with a deadline and the size cap) and parses it.
 * Throws FeedSourceError when the source cannot be read, FeedParseError when its content is unusable.
 */
export async function loadFeedSource(fileOrUrl: string, options: LoadFeedOptions = {}): Promise<FeedParseResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = /^https?:\/\//i.test(fileOrUrl)
    ? await fromUrl(fileOrUrl, maxBytes, options)
    : fileOrUrl === '-'
      ? await readCapped(process.stdin, 'on standard input', maxBytes)
      : await fromFile(fileOrUrl.startsWith('file:') ? fileURLToPath(fileOrUrl) : fileOrUrl, maxBytes);
  return parseFeed(bytes, { ...options, maxBytes, name: options.name ?? sourceName(fileOrUrl) });
}

async function fromFile(path: string, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new FeedSourceError(`cannot read feed ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  if (info.isDirectory()) throw new FeedSourceError(`cannot read feed ${path}: it is a folder`);
  if (!info.isFile()) return readCapped(createReadStream(path), path, maxBytes); // a pipe such as /dev/stdin
  if (info.size > maxBytes) throw tooLarge(path, maxBytes);
  return new Uint8Array(await readFile(path));
}

/** Reads a stream that has no size up front, stopping at the cap. */
export async function readCapped(stream: NodeJS.ReadableStream & { destroy(): void }, path: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > maxBytes) {
      stream.destroy();
      throw tooLarge(path, maxBytes);
    }
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function tooLarge(path: string, maxBytes: number): FeedParseError {
  return new FeedParseError('too-large', `feed ${path} is larger than the ${formatBytes(maxBytes)} cap; refused`);
}

async function fromUrl(url: string, maxBytes: number, options: LoadFeedOptions): Promise<Uint8Array> {
  let response;
  try {
    response = await fetchBytes(url, { timeoutMs: options.timeoutMs ?? 30_000, maxBytes, ...(options.fetch ? { fetch: options.fetch } : {}) });
  } catch (error) {
    const message = (error as Error).message;
    if (/too large/.test(message)) throw new FeedParseError('too-large', `feed ${url} is ${message}; refused`);
    throw new FeedSourceError(`cannot fetch feed ${url}: ${message}`);
  }
  if (response.status < 200 || response.status > 299) throw new FeedSourceError(`cannot fetch feed ${url}: HTTP ${response.status}`);
  return response.bytes;
}

/**
 * A fetch for feed sync in the CLI: http(s) URLs go to the network; anything else is a file path (or a
 * file: URL, or `-` for standard input), answered like a server would: 200 with its bytes, 404 when it is
 * missing, so a feed file's signature is simply FILE.sig.
 */
export const sourceFetch: FetchLike = async (input, init) => {
  if (/^https?:\/\//i.test(input)) return globalThis.fetch(input, init);
  if (input === '-') return new Response(Readable.toWeb(process.stdin) as ReadableStream<Uint8Array>, { status: 200 });
  const path = input.startsWith('file:') ? fileURLToPath(input) : input;
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new FeedSourceError(`cannot read ${path}: ${error.message}`);
  });
  if (!info) return new Response(null, { status: 404 });
  if (info.isDirectory()) throw new FeedSourceError(`cannot read ${path}: it is a folder`);
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: info.isFile() ? { 'content-length': String(info.size) } : {} });
};

export function sourceName(fileOrUrl: string): string {
  if (/^https?:\/\//i.test(fileOrUrl)) {
    try {
      const url = new URL(fileOrUrl);
      return `${url.host}${url.pathname}`;
    } catch {
      return fileOrUrl;
    }
  }
  return basename(fileOrUrl);
}
