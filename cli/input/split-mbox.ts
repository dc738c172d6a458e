// Streams an mbox (mboxo or mboxrd) into messages without holding more than one message in memory.
import { MAX_MESSAGE_BYTES, type InputMessage } from './types.ts';

const SEPARATOR = Buffer.from('\nFrom ');
const QUOTED_FROM = Buffer.from('>From ');

/**
 * Splits an mbox at every line starting `From `, drops that envelope line, and unquotes `>From ` lines
 * (mboxrd: one `>` removed from `>>…From `; an mboxo file reads the same way). Each message carries its
 * index (from 0) and the byte offset of its `From ` line. A message over the size cap, and a last message
 * cut off inside its headers, become per-message errors; the split goes on. With `raw`, pieces keep their
 * `From ` line and quoting: readMbox (mbox-format.ts) reads them as mboxo, mboxrd or mboxcl2.
 */
export async function* splitMbox(file: string, chunks: AsyncIterable<Buffer>, maxBytes = MAX_MESSAGE_BYTES, options: { raw?: boolean } = {}): AsyncGenerator<InputMessage> {
  let held: Buffer[] = []; // bytes of the current message (from its From line) still held
  let heldLength = 0;
  let dropped = 0; // bytes of an oversized current message no longer held
  let start = 0; // absolute offset of the current message's From line
  let seen = 0; // absolute offset of the end of the data read so far
  let tail = Buffer.alloc(0); // last bytes read, to find a separator split across chunks
  let index = 0;

  const cut = (end: number): InputMessage => {
    const keep = end - start - dropped;
    const all = held.length === 1 ? held[0]! : Buffer.concat(held, heldLength);
    const body = all.subarray(0, Math.max(0, keep));
    const rest = all.subarray(Math.max(0, keep));
    const message = dropped > 0
      ? { file, index, offset: start, error: `message is over the ${Math.round(maxBytes / 1048576)} MB limit` }
      : options.raw // the piece as it stands, From line and quoting included, for mbox-format.ts
        ? { file, index, offset: start, format: 'eml' as const, bytes: new Uint8Array(body) }
        : toMessage(file, index, start, body);
    held = rest.length ? [rest] : [];
    heldLength = rest.length;
    dropped = 0;
    start = end;
    index++;
    return message;
  };

  for await (const chunk of chunks) {
    const window = tail.length ? Buffer.concat([tail, chunk]) : chunk;
    const windowStart = seen - tail.length;
    held.push(chunk);
    heldLength += chunk.length;
    seen += chunk.length;
    for (let at = window.indexOf(SEPARATOR); at !== -1; at = window.indexOf(SEPARATOR, at + 1)) {
      const boundary = windowStart + at + 1;
      if (boundary > start) yield cut(boundary);
    }
    tail = Buffer.from(window.subarray(Math.max(0, window.length - (SEPARATOR.length - 1))));
    if (heldLength > maxBytes) {
      // Too big to judge: keep only the newest chunk (a separator may start in it) and count the rest.
      const last = held[held.length - 1]!;
      dropped += heldLength - last.length;
      held = [last];
      heldLength = last.length;
    }
  }
  if (seen > start) {
    const last = cut(seen);
    yield last.error === undefined && endsInsideHeaders(last.bytes) ? { file: last.file, index: last.index!, offset: last.offset!, error: 'truncated message: the mbox ends inside its headers' } : last;
  }
}

function toMessage(file: string, index: number, offset: number, raw: Buffer): InputMessage {
  const envelopeEnd = raw.indexOf(0x0a);
  let bytes = envelopeEnd === -1 ? Buffer.alloc(0) : raw.subarray(envelopeEnd + 1);
  if (bytes.indexOf(QUOTED_FROM) !== -1) bytes = Buffer.from(bytes.toString('latin1').replace(/^>(>*From )/gm, '$1'), 'latin1');
  if (bytes.length === 0) return { file, index, offset, error: 'empty message' };
  return { file, index, offset, format: 'eml', bytes: new Uint8Array(bytes) };
}

/** A message with no blank line after its headers, and not ending with a line break: cut off mid-headers. */
function endsInsideHeaders(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return text.indexOf('\n\n') === -1 && text.indexOf('\r\n\r\n') === -1 && text[text.length - 1] !== 0x0a;
}
