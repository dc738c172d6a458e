// postal-mime collects each decoded part as one Blob part per line (and one per line break). Node 20's
// Blob takes seconds to build and read from hundreds of thousands of parts (a 20 MB body), where one
// concatenated part takes milliseconds. While a parse runs, `Blob` is a subclass that concatenates its
// parts first: the same Blob, the same bytes, built in linear time. Blobs of any size are joined so that
// `arrayBuffer()` hands the joined bytes back without Node 20's stream read (slow even for one part).
const encoder = new TextEncoder();

function coalesce(parts: readonly unknown[]): Uint8Array | null {
  // Parts are mostly lines (byte views) and one-character strings (line breaks): those are copied directly.
  const chunks: Array<Uint8Array | number> = [];
  let length = 0;
  for (const part of parts) {
    if (typeof part === 'string') {
      const code = part.charCodeAt(0);
      if (part.length === 1 && code < 0x80) {
        chunks.push(code);
        length += 1;
        continue;
      }
      const bytes = encoder.encode(part);
      chunks.push(bytes);
      length += bytes.byteLength;
    } else if (part instanceof Uint8Array) {
      chunks.push(part);
      length += part.byteLength;
    } else if (part instanceof ArrayBuffer) {
      chunks.push(new Uint8Array(part));
      length += part.byteLength;
    } else if (ArrayBuffer.isView(part)) {
      chunks.push(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
      length += part.byteLength;
    } else {
      return null; // a Blob part: left to the platform
    }
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    if (typeof chunk === 'number') {
      out[offset++] = chunk;
    } else {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
  }
  return out;
}

let installed = 0;
let platformBlob: typeof Blob | undefined;

function makeCoalescingBlob(base: typeof Blob): typeof Blob {
  return class CoalescingBlob extends base {
    #joined: Uint8Array | null;

    constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
      const joined = parts && parts.length > 0 ? coalesce(parts) : null;
      super(joined ? [joined as Uint8Array<ArrayBuffer>] : parts, options);
      this.#joined = joined;
    }

    // Node 20 reads even a one-part Blob back through a stream; the joined bytes are already at hand.
    override arrayBuffer(): Promise<ArrayBuffer> {
      const joined = this.#joined;
      if (!joined) return super.arrayBuffer();
      this.#joined = null; // handed over once; a second read copies from the Blob as usual
      return Promise.resolve(joined.buffer as ArrayBuffer);
    }
  };
}

/** Runs `work` with the coalescing Blob in place; nested and concurrent calls share one installation. */
export async function withCoalescingBlob<T>(work: () => Promise<T>): Promise<T> {
  if (typeof globalThis.Blob !== 'function') return work();
  if (installed++ === 0) {
    platformBlob = globalThis.Blob;
    globalThis.Blob = makeCoalescingBlob(platformBlob);
  }
  try {
    return await work();
  } finally {
    if (--installed === 0 && platformBlob) {
      globalThis.Blob = platformBlob;
      platformBlob = undefined;
    }
  }
}
