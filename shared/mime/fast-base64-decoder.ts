// A drop-in for postal-mime's Base64Decoder (the object a base64 body part feeds its lines to): the same
// bytes, decoded by the platform's base64 decoder once per part instead of a JavaScript loop and a
// TextDecoder call per line. postal-mime's decoder keeps only the base64 alphabet of each line (it decodes
// the line as UTF-8 first, which keeps every ASCII byte as it is and turns the rest into characters
// outside the alphabet) and decodes each run between `=` signs on its own: so does this one.
// Uses Buffer (Node): runPostalMime installs it only where Buffer exists.

const NOT_BASE64 = /[^A-Za-z0-9+/=]+/g;
const PADDING = /=+/;

export class FastBase64Decoder {
  private lines: Uint8Array[] = [];
  private length = 0;

  /** One body line (without its line break). Kept as it is: the lines are views of the message's bytes. */
  update(line: Uint8Array): void {
    this.lines.push(line);
    this.length += line.byteLength;
  }

  /** The decoded part, in an ArrayBuffer of its own (as postal-mime's finalize gives it). */
  finalize(): Promise<ArrayBuffer> {
    return Promise.resolve(decodeBase64Lines(this.lines, this.length));
  }
}

/** What postal-mime's Base64Decoder gives for these lines. */
export function decodeBase64Lines(lines: readonly Uint8Array[], length = lines.reduce((n, l) => n + l.byteLength, 0)): ArrayBuffer {
  const joined = Buffer.concat(lines, length);
  const text = joined.toString('latin1').replace(NOT_BASE64, '');
  const units = text.split(PADDING);
  let size = 0;
  for (const unit of units) size += Buffer.byteLength(unit, 'base64');
  const out = new ArrayBuffer(size);
  const target = Buffer.from(out);
  let at = 0;
  for (const unit of units) if (unit.length) at += target.write(unit, at, 'base64');
  return at === size ? out : out.slice(0, at);
}
