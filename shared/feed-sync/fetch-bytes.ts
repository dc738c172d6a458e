// One GET with a deadline and a size cap, its body read whole: fetchStream's chunks joined.
import { fetchStream, type FetchBytesOptions } from './fetch-stream.ts';
import { joinBytes } from './join-bytes.ts';

export { FetchError, networkMessage, type FetchBytesOptions, type FetchLike } from './fetch-stream.ts';

export interface FetchedBytes {
  status: number;
  headers: Headers;
  /** Empty for 304 and error statuses (their bodies are not read). */
  bytes: Uint8Array;
}

export async function fetchBytes(url: string, options: FetchBytesOptions): Promise<FetchedBytes> {
  const { status, headers, chunks } = await fetchStream(url, options);
  return { status, headers, bytes: await readAll(chunks) };
}

/** A body's chunks joined into one array (the one chunk itself when there is only one). */
export async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return joinBytes(parts);
}
