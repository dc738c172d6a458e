// One GET whose body is handed out chunk by chunk as it arrives, with a deadline covering headers and body,
// a size cap and a truncation check. Sends nothing but the URL and the conditional headers.

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchBytesOptions {
  fetch?: FetchLike;
  /** Covers the whole exchange: connecting, headers and body. */
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * Read the body into one buffer of this many bytes, reused for every chunk (a BYOB reader, where the body
   * offers one): a chunk is then valid only until the next is asked for. A feed read this way allocates no
   * buffer per chunk, which a browser's JS engine would otherwise let pile up by tens of megabytes.
   */
  reuseBytes?: number;
}

export class FetchError extends Error {
  constructor(message: string, readonly kind: 'timeout' | 'network' | 'too-large' | 'truncated' | 'aborted') {
    super(message);
    this.name = 'FetchError';
  }
}

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
    const byob = options.reuseBytes ? byobReader(response.body) : undefined;
    const reader = byob ?? response.body?.getReader();
    let buffer = new ArrayBuffer(byob ? options.reuseBytes! : 0);
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
            read = byob ? await byob.read(new Uint8Array(buffer)) : await (reader as ReadableStreamDefaultReader<Uint8Array>).read();
          } catch (error) {
            throw describe(error);
          }
          if (read.done) break;
          if (byob) buffer = read.value.buffer as ArrayBuffer;
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

/** A BYOB reader of the body, or undefined when it is not a byte stream. */
function byobReader(body: ReadableStream<Uint8Array> | null): ReadableStreamBYOBReader | undefined {
  try {
    return (body as ReadableStream<Uint8Array> & { getReader(options: { mode: 'byob' }): ReadableStreamBYOBReader }).getReader({ mode: 'byob' });
  } catch {
    return undefined;
  }
}

export function networkMessage(error: unknown): string {
  const err = error as { message?: string; cause?: { code?: string; message?: string } };
  const cause = err.cause?.code ?? err.cause?.message;
  const base = err.message ?? String(error);
  if (/terminated|premature|aborted/i.test(base + (cause ?? ''))) return `connection closed before the body was complete (${cause ?? base})`;
  return cause ? `network error: ${base} (${cause})` : `network error: ${base}`;
}
