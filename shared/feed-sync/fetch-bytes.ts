// One GET with a deadline and a size cap. Sends nothing but the URL and the conditional headers.

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchBytesOptions {
  fetch?: FetchLike;
  /** Covers the whole exchange: connecting, headers and body. */
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface FetchedBytes {
  status: number;
  headers: Headers;
  /** Empty for 304 and error statuses (their bodies are not read). */
  bytes: Uint8Array;
}

export class FetchError extends Error {
  constructor(message: string, readonly kind: 'timeout' | 'network' | 'too-large' | 'truncated' | 'aborted') {
    super(message);
    this.name = 'FetchError';
  }
}

export async function fetchBytes(url: string, options: FetchBytesOptions): Promise<FetchedBytes> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onOuterAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const describe = (error: unknown): FetchError => {
    if (error instanceof FetchError) return error;
    if (timedOut) return new FetchError(`timed out after ${options.timeoutMs} ms`, 'timeout');
    if (options.signal?.aborted) return new FetchError('cancelled', 'aborted');
    return new FetchError(networkMessage(error), 'network');
  };
  try {
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
      throw describe(error);
    }
    if (response.status === 304 || response.status < 200 || response.status > 299) {
      await response.body?.cancel().catch(() => {});
      return { status: response.status, headers: response.headers, bytes: new Uint8Array() };
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw new FetchError(`too large: ${declared} bytes (limit ${options.maxBytes})`, 'too-large');
    }
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(response, options.maxBytes);
    } catch (error) {
      throw describe(error);
    }
    if (Number.isFinite(declared) && bytes.length !== declared && !response.headers.get('content-encoding')) {
      throw new FetchError(`truncated: received ${bytes.length} of ${declared} bytes`, 'truncated');
    }
    return { status: response.status, headers: response.headers, bytes };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new FetchError(`too large: more than ${maxBytes} bytes`, 'too-large');
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export function networkMessage(error: unknown): string {
  const err = error as { message?: string; cause?: { code?: string; message?: string } };
  const cause = err.cause?.code ?? err.cause?.message;
  const base = err.message ?? String(error);
  if (/terminated|premature|aborted/i.test(base + (cause ?? ''))) return `connection closed before the body was complete (${cause ?? base})`;
  return cause ? `network error: ${base} (${cause})` : `network error: ${base}`;
}
