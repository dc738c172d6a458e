// One GET whose body is handed out chunk by chunk as it arrives, with the same deadline (headers and body),
// size cap and truncation check as fetchBytes. Sends nothing but the URL and the conditional headers.
import { FetchError, networkMessage, type FetchBytesOptions } from './fetch-bytes.ts';

export interface FetchedStream {
  status: number;
  headers: Headers;
  /** The body (decoded from any Content-Encoding); empty for 304 and error statuses. Read it once. */
  chunks: AsyncGenerator<Uint8Array, void, void>;
}

export async function fetchStream(url: string, options: FetchBytesOptions): Promise<FetchedStream> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onOuterAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const release = () => {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  };
  const describe = (error: unknown): FetchError => {
    if (error instanceof FetchError) return error;
    if (timedOut) return new FetchError(`timed out after ${options.timeoutMs} ms`, 'timeout');
    if (options.signal?.aborted) return new FetchError('cancelled', 'aborted');
    return new FetchError(networkMessage(error), 'network');
  };
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'GET',
      headers: options.headers ?? {},
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
    });
  } catch (error) {
    release();
    throw describe(error);
  }
  const empty = async function* (): AsyncGenerator<Uint8Array, void, void> {};
  if (response.status === 304 || response.status < 200 || response.status > 299) {
    await response.body?.cancel().catch(() => {});
    release();
    return { status: response.status, headers: response.headers, chunks: empty() };
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => {});
    release();
    throw new FetchError(`too large: ${declared} bytes (limit ${options.maxBytes})`, 'too-large');
  }
  const encoded = Boolean(response.headers.get('content-encoding'));
  async function* chunks(): AsyncGenerator<Uint8Array, void, void> {
    let total = 0;
    const reader = response.body?.getReader();
    try {
      if (!reader) {
        const bytes = new Uint8Array(await response.arrayBuffer());
        total = bytes.length;
        if (total > options.maxBytes) throw new FetchError(`too large: more than ${options.maxBytes} bytes`, 'too-large');
        yield bytes;
      } else {
        for (;;) {
          let read: ReadableStreamReadResult<Uint8Array>;
          try {
            read = await reader.read();
          } catch (error) {
            throw describe(error);
          }
          if (read.done) break;
          total += read.value.length;
          if (total > options.maxBytes) throw new FetchError(`too large: more than ${options.maxBytes} bytes`, 'too-large');
          yield read.value;
        }
      }
      if (Number.isFinite(declared) && total !== declared && !encoded) {
        throw new FetchError(`truncated: received ${total} of ${declared} bytes`, 'truncated');
      }
    } finally {
      await reader?.cancel().catch(() => {});
      release();
    }
  }
  return { status: response.status, headers: response.headers, chunks: chunks() };
}
