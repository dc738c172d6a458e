// cli/input/mbox-format.ts as it was before the joiner read the first piece's headers once (#13): the reference
// mbox-format-joiner.test.ts compares readMbox with. Not used by the CLI.
// The mbox variants, read from the raw pieces splitMbox cuts at `From ` lines:
//   mboxo   a body line `From …` was written `>From …`; reading removes that one `>` (`>>From ` stays as is).
//   mboxrd  any `>*From …` line got one more `>`; reading removes one from every `>+From …` line.
//   mboxcl2 nothing is quoted; a Content-Length header gives the body's length, so a body may hold
//           `From ` lines: pieces are joined until the length is reached.
//   auto    a message whose Content-Length matches its bytes up to a `From ` line (or the end) is read as
//           mboxcl2, any other as mboxrd (which reads the same as mboxo unless a body has `>>From ` lines).
import { UsageError } from '../../../cli/args.ts';
import { splitMbox } from '../../../cli/input/split-mbox.ts';
import { MAX_MESSAGE_BYTES, type InputMessage } from '../../../cli/input/types.ts';

/** A raw piece of an mbox as splitMbox cut it: from one `From ` line to the next. */
type Piece = Extract<InputMessage, { bytes: Uint8Array }>;

export const MBOX_FORMATS = ['auto', 'mboxrd', 'mboxo', 'mboxcl2'] as const;
export type MboxFormat = (typeof MBOX_FORMATS)[number];

/** `--mbox-format F` (the last one given), or auto. */
export function mboxFormatOption(values: readonly string[] | undefined): MboxFormat {
  const text = values?.[values.length - 1];
  if (text === undefined) return 'auto';
  if (!(MBOX_FORMATS as readonly string[]).includes(text)) throw new UsageError(`--mbox-format is one of ${MBOX_FORMATS.join(', ')}, not "${text}"`);
  return text as MboxFormat;
}

/** Every message of an mbox read as `format`, numbered from 0, each with the offset of its `From ` line. */
export async function* readMbox(file: string, chunks: AsyncIterable<Buffer>, format: MboxFormat = 'auto', maxBytes = MAX_MESSAGE_BYTES): AsyncGenerator<InputMessage> {
  const pieces = splitMbox(file, chunks, maxBytes, { raw: true });
  if (format === 'mboxrd' || format === 'mboxo') {
    for await (const piece of pieces) yield piece.error === undefined ? fromPieces(file, [piece], format) : piece;
    return;
  }
  const joiner = new LengthJoiner(file, format === 'auto' ? 'mboxrd' : 'none', maxBytes);
  let index = 0;
  const numbered = (message: InputMessage): InputMessage => ({ ...message, index: index++ });
  for await (const piece of pieces) for (const message of joiner.push(piece)) yield numbered(message);
  for (const message of joiner.end()) yield numbered(message);
}

type Quoting = 'mboxrd' | 'mboxo' | 'none';

/**
 * Joins pieces while the first one's Content-Length reaches past them; a message whose length then fits is
 * one mboxcl2 message, else its first piece is read with the fallback quoting and the rest are tried again.
 */
class LengthJoiner {
  private pending: Piece[] = [];

  constructor(private readonly file: string, private readonly fallback: Quoting, private readonly maxBytes: number) {}

  push(piece: InputMessage): InputMessage[] {
    const out: InputMessage[] = [];
    const queue = [piece];
    while (queue.length) {
      const next = queue.shift()!;
      if (next.error !== undefined) {
        out.push(...this.flush(), next);
        continue;
      }
      this.pending.push(next);
      const fit = lengthFit(this.pending, this.maxBytes);
      if (fit === 'short') continue;
      if (fit === 'fits') out.push(fromPieces(this.file, this.pending, 'none'));
      else {
        out.push(fromPieces(this.file, [this.pending[0]!], this.fallback));
        queue.unshift(...this.pending.slice(1));
      }
      this.pending = [];
    }
    return out;
  }

  end(): InputMessage[] {
    return this.flush();
  }

  /** Pieces whose length was never reached (a cut-off mbox, a wrong header): the first read on its own, the rest tried again. */
  private flush(): InputMessage[] {
    const out: InputMessage[] = [];
    while (this.pending.length) {
      const [first, ...rest] = this.pending;
      this.pending = [];
      out.push(fromPieces(this.file, [first!], this.fallback));
      for (const piece of rest) out.push(...this.push(piece));
    }
    return out;
  }
}

const CONTENT_LENGTH = /^content-length:[ \t]*(\d{1,12})[ \t]*\r?$/im;

/** Whether the first piece's Content-Length ends the body at the end of these pieces (a line break or two of slack). */
function lengthFit(pieces: readonly Piece[], maxBytes: number): 'fits' | 'short' | 'over' | 'none' {
  const first = asBuffer(pieces[0]!.bytes);
  const headerEnd = endOfHeaders(first);
  if (headerEnd === -1) return 'none';
  const match = CONTENT_LENGTH.exec(first.subarray(0, headerEnd).toString('latin1'));
  if (!match) return 'none';
  const length = Number(match[1]);
  if (length > maxBytes) return 'none';
  const total = pieces.reduce((sum, p) => sum + p.bytes.byteLength, 0);
  const body = total - headerEnd;
  if (body < length) return 'short';
  const last = pieces[pieces.length - 1]!.bytes;
  const slack = body - length;
  for (let i = last.byteLength - slack; i < last.byteLength; i++) if (i < 0 || (last[i] !== 0x0a && last[i] !== 0x0d)) return 'over';
  return slack <= 2 ? 'fits' : 'over';
}

/** Offset just past the blank line after the headers (the envelope line is a header-like line here), or -1. */
export function endOfHeaders(raw: Buffer): number {
  // Line by line (the native byte search for each LF): the first LF followed by LF or by CR LF, the latter
  // after a CR, is the first blank line. Searching for both forms through the whole message read all of a
  // CRLF message's body for the LF form.
  for (let lf = raw.indexOf(0x0a); lf !== -1; lf = raw.indexOf(0x0a, lf + 1)) {
    const next = raw[lf + 1];
    if (next === 0x0a) return lf + 2;
    if (next === 0x0d && raw[lf + 2] === 0x0a && lf > 0 && raw[lf - 1] === 0x0d) return lf + 3;
  }
  return -1;
}

/** One message from raw pieces: the first piece's `From ` line dropped, `From ` lines unquoted as the format says. */
function fromPieces(file: string, pieces: readonly Piece[], quoting: Quoting): InputMessage {
  const first = pieces[0]!;
  const raw = pieces.length === 1 ? asBuffer(first.bytes) : Buffer.concat(pieces.map((p) => p.bytes));
  const envelopeEnd = raw.indexOf(0x0a);
  const bytes = unquoteFrom(envelopeEnd === -1 ? Buffer.alloc(0) : raw.subarray(envelopeEnd + 1), quoting);
  const where = { file, index: first.index!, offset: first.offset! };
  if (bytes.length === 0) return { ...where, error: 'empty message' };
  return { ...where, format: 'eml', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const QUOTED_FROM = Buffer.from('>From ');
const RD_QUOTED = /^>(>*From )/gm;
const O_QUOTED = /^>(From )/gm;

/** Removes the quoting a format adds to body lines starting `From `. */
export function unquoteFrom(bytes: Buffer, quoting: Quoting): Buffer {
  if (quoting === 'none' || bytes.indexOf(QUOTED_FROM) === -1) return bytes;
  return Buffer.from(bytes.toString('latin1').replace(quoting === 'mboxrd' ? RD_QUOTED : O_QUOTED, '$1'), 'latin1');
}
