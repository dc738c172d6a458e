// UTF-8 for the bucket rows a sync holds, in plain JavaScript. TextEncoder.encodeInto and TextDecoder.decode
// are browser calls: each one allocates wrapper and result objects in the browser's own garbage-collected
// heap, which a service worker collects late. Called once per entry of a million-entry feed they left about
// 80 MB of such garbage in the extension's process; these loops allocate nothing outside the JS heap.

/** Writes `text` as UTF-8 into `out` from `at` (room for 3 bytes a UTF-16 unit is the caller's); returns bytes written. */
export function encodeUtf8Into(text: string, out: Uint8Array, at: number): number {
  let o = at;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[o++] = c;
    } else if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i++;
          out[o++] = 0xf0 | (c >> 18);
          out[o++] = 0x80 | ((c >> 12) & 0x3f);
          out[o++] = 0x80 | ((c >> 6) & 0x3f);
          out[o++] = 0x80 | (c & 0x3f);
          continue;
        }
      }
      // A lone surrogate becomes U+FFFD, as TextEncoder writes it.
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 0x3f);
      out[o++] = 0x80 | (c & 0x3f);
    }
  }
  return o - at;
}

/** UTF-16 code units built up before they are turned into a string. */
const RUN = 4096;

/** The text of bytes[from, to), which encodeUtf8Into wrote (well-formed UTF-8). */
export function decodeUtf8(bytes: Uint8Array, from: number, to: number): string {
  let ascii = true;
  for (let i = from; i < to; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  let text = '';
  if (ascii) {
    for (let at = from; at < to; at += RUN) text += String.fromCharCode.apply(null, bytes.subarray(at, Math.min(to, at + RUN)) as unknown as number[]);
    return text;
  }
  const units: number[] = [];
  for (let i = from; i < to; ) {
    const b = bytes[i]!;
    let c: number;
    if (b < 0x80) {
      c = b;
      i += 1;
    } else if (b < 0xe0) {
      c = ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      i += 2;
    } else if (b < 0xf0) {
      c = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      i += 3;
    } else {
      c = ((b & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
      i += 4;
    }
    pushCodeUnits(units, c);
    if (units.length >= RUN) {
      text += String.fromCharCode.apply(null, units);
      units.length = 0;
    }
  }
  return text + String.fromCharCode.apply(null, units);
}

/**
 * A streaming, strict UTF-8 decoder in JavaScript (TextDecoder with `fatal: true` and `stream: true`, minus a
 * byte order mark's removal, which the feed readers do not need). TextDecoder's strings are the browser's,
 * lent to the JS engine and counted as its external memory until collected: a feed's whole text went
 * through that memory. These strings are ordinary JS heap strings, collected young.
 */
export class Utf8StreamDecoder {
  /** Bytes of a character split between two calls. */
  private pending = new Uint8Array(4);
  private pendingLength = 0;

  /** Decodes `bytes`; with `stream`, an incomplete character at the end waits for the next call. Throws TypeError on invalid UTF-8. */
  decode(bytes: Uint8Array, options: { stream?: boolean } = {}): string {
    let input = bytes;
    if (this.pendingLength > 0) {
      const joined = new Uint8Array(this.pendingLength + Math.min(bytes.length, 4));
      joined.set(this.pending.subarray(0, this.pendingLength));
      joined.set(bytes.subarray(0, joined.length - this.pendingLength), this.pendingLength);
      const need = sequenceLength(joined[0]!);
      if (joined.length < need) {
        if (!options.stream) throw new TypeError('The encoded data was not valid for encoding utf-8');
        this.pending.set(joined);
        this.pendingLength = joined.length;
        return '';
      }
      const head = decodeStrict(joined, 0, need);
      const taken = need - this.pendingLength;
      this.pendingLength = 0;
      input = bytes.subarray(taken);
      return head + this.decode(input, options);
    }
    // An incomplete character at the end waits (or is an error when the stream ends).
    let end = input.length;
    for (let back = 1; back <= 3 && back <= input.length; back++) {
      const b = input[input.length - back]!;
      if (b < 0x80) break;
      if (b >= 0xc0) {
        if (sequenceLength(b) > back) end = input.length - back;
        break;
      }
    }
    if (end < input.length) {
      if (!options.stream) throw new TypeError('The encoded data was not valid for encoding utf-8');
      this.pending.set(input.subarray(end));
      this.pendingLength = input.length - end;
    }
    return decodeStrict(input, 0, end);
  }
}

/** Length of the sequence a lead byte starts (1 for anything that cannot lead; decodeStrict rejects those). */
function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
}

const invalid = (): never => {
  throw new TypeError('The encoded data was not valid for encoding utf-8');
};

/** bytes[from, to) as text; throws TypeError on anything that is not well-formed UTF-8. */
function decodeStrict(bytes: Uint8Array, from: number, to: number): string {
  let text = '';
  const units: number[] = [];
  let i = from;
  while (i < to) {
    // Runs of ASCII go through fromCharCode in slices.
    let run = i;
    while (run < to && bytes[run]! < 0x80 && run - i < RUN) run++;
    if (run > i) {
      if (units.length > 0) {
        text += String.fromCharCode.apply(null, units);
        units.length = 0;
      }
      text += String.fromCharCode.apply(null, bytes.subarray(i, run) as unknown as number[]);
      i = run;
      continue;
    }
    const b = bytes[i]!;
    let c: number;
    if (b >= 0xc2 && b <= 0xdf) {
      const b1 = bytes[i + 1]!;
      if (i + 1 >= to || (b1 & 0xc0) !== 0x80) invalid();
      c = ((b & 0x1f) << 6) | (b1 & 0x3f);
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      const b1 = bytes[i + 1]!;
      const b2 = bytes[i + 2]!;
      if (i + 2 >= to || (b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) invalid();
      c = ((b & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      if (c < 0x800 || (c >= 0xd800 && c <= 0xdfff)) invalid();
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const b1 = bytes[i + 1]!;
      const b2 = bytes[i + 2]!;
      const b3 = bytes[i + 3]!;
      if (i + 3 >= to || (b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) invalid();
      c = ((b & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
      if (c < 0x10000 || c > 0x10ffff) invalid();
      i += 4;
    } else {
      return invalid();
    }
    pushCodeUnits(units, c);
    if (units.length >= RUN) {
      text += String.fromCharCode.apply(null, units);
      units.length = 0;
    }
  }
  return units.length > 0 ? text + String.fromCharCode.apply(null, units) : text;
}

/** Appends a code point as UTF-16 code units (a surrogate pair above the basic plane). */
function pushCodeUnits(units: number[], c: number): void {
  if (c >= 0x10000) {
    c -= 0x10000;
    units.push(0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
  } else units.push(c);
}
