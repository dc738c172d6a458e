import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { sniffFormat, SNIFF_BYTES, type StreamKind } from './sniff-format.ts';

/** Bytes read from the file system or standard input, before decompression: drives the progress ETA. */
export interface ReadCounter {
  add(bytes: number): void;
}

/** A stream whose first bytes were read to tell what it holds; `chunks` replays them, then the rest. */
export interface SniffedStream {
  kind: Exclude<StreamKind, 'gzip'>;
  gzip: boolean;
  chunks: AsyncIterable<Buffer>;
  /** Releases the file (also when reading stopped at an error). */
  close(): void;
}

const CHUNK_BYTES = 1024 * 1024;

/** The first bytes of a file, to choose how to read it without opening a stream for every .eml. */
export async function fileHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Opens a file (or standard input for `-`) as a stream, gunzipping it when it is gzip, and tells what it holds. */
export async function openSniffed(path: string, counter?: ReadCounter): Promise<SniffedStream> {
  const raw: Readable = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: CHUNK_BYTES });
  if (counter) raw.on('data', (chunk: Buffer) => counter.add(chunk.length));
  const close = () => {
    if (raw !== process.stdin) raw.destroy();
  };
  try {
    const first = await peek(raw[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
    if (sniffFormat(first.head) !== 'gzip') return { kind: kindOf(first.head), gzip: false, chunks: first.chunks, close };
    const gunzip = createGunzip({ chunkSize: 256 * 1024 });
    const piped = pipeInto(first.chunks, gunzip);
    const inner = await peek(piped);
    return { kind: kindOf(inner.head), gzip: true, chunks: inner.chunks, close };
  } catch (error) {
    close();
    throw error;
  }
}

function kindOf(head: Uint8Array): Exclude<StreamKind, 'gzip'> {
  const kind = sniffFormat(head);
  return kind === 'gzip' ? 'eml' : kind; // gzip inside gzip: read as a message, and fail as one
}

/** Reads until enough bytes to sniff (or the end), and returns them with an iterable that replays them first. */
async function peek(source: AsyncIterator<Buffer>): Promise<{ head: Uint8Array; chunks: AsyncIterable<Buffer> }> {
  const buffered: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < SNIFF_BYTES) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
    buffered.push(chunk);
    length += chunk.length;
  }
  const head = new Uint8Array(Buffer.concat(buffered).subarray(0, SNIFF_BYTES));
  async function* replay(): AsyncGenerator<Buffer> {
    yield* buffered;
    if (done) return;
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
  }
  return { head, chunks: replay() };
}

/** Feeds chunks into a transform (gunzip) with back-pressure and yields its output; its errors surface here. */
async function* pipeInto(chunks: AsyncIterable<Buffer>, transform: ReturnType<typeof createGunzip>): AsyncGenerator<Buffer> {
  const feed = (async () => {
    try {
      for await (const chunk of chunks) {
        if (transform.destroyed) return;
        if (!transform.write(chunk)) await new Promise<void>((resolve) => {
          const done = () => {
            transform.off('drain', done);
            transform.off('close', done);
            resolve();
          };
          transform.once('drain', done);
          transform.once('close', done);
        });
      }
      if (!transform.destroyed) transform.end();
    } catch (error) {
      transform.destroy(error as Error);
    }
  })();
  try {
    for await (const chunk of transform) yield chunk as Buffer;
  } finally {
    if (!transform.destroyed) transform.destroy();
    await feed;
  }
}

/** All of a stream, up to a cap; over it, an Error. */
export async function readWhole(chunks: AsyncIterable<Buffer>, maxBytes: number): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    length += chunk.length;
    if (length > maxBytes) throw new Error(`message is over the ${Math.round(maxBytes / 1048576)} MB limit`);
    parts.push(chunk);
  }
  return new Uint8Array(Buffer.concat(parts, length));
}
