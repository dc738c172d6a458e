// A drop-in for postal-mime's Base64Decoder (the object a base64 body part feeds its lines to): the same
// bytes, decoded by the platform's base64 decoder a slice of lines at a time instead of a JavaScript loop
// and a TextDecoder call per line. postal-mime's decoder keeps only the base64 alphabet of each line (it
// decodes the line as UTF-8 first, which keeps every ASCII byte as it is and turns the rest into characters
// outside the alphabet) and decodes each run between `=` signs on its own: so does this one.
// Uses Buffer (Node): runPostalMime installs it only where Buffer exists.

const NOT_BASE64 = /[^A-Za-z0-9+/=]+/g;
const PADDING = /=+/;
/** Lines are decoded once this many bytes of them are held (bounds the memory a large attachment takes). */
const SLICE_BYTES = 1 << 20;

export class FastBase64Decoder {
  private lines: Uint8Array[] = [];
  private held = 0;
  /** Base64 characters of the open run (after the last `=`) not decoded yet: fewer than 4 after a slice. */
  private carry = '';
  private decoded: Buffer[] = [];
  private decodedBytes = 0;

  constructor(private readonly sliceBytes = SLICE_BYTES) {}

  /** One body line (without its line break). Kept as it is until a slice is decoded: lines are views of the message's bytes. */
  update(line: Uint8Array): void {
    this.lines.push(line);
    this.held += line.byteLength;
    if (this.held >= this.sliceBytes) this.decodeSlice(false);
  }

  /** The decoded part, in an ArrayBuffer of its own (as postal-mime's finalize gives it). */
  finalize(): Promise<ArrayBuffer> {
    this.decodeSlice(true);
    const out = new ArrayBuffer(this.decodedBytes);
    const target = new Uint8Array(out);
    let at = 0;
    for (const piece of this.decoded) {
      target.set(piece, at);
      at += piece.byteLength;
    }
    this.decoded = [];
    return Promise.resolve(out);
  }

  private decodeSlice(last: boolean): void {
    const text = this.carry + Buffer.concat(this.lines, this.held).toString('latin1').replace(NOT_BASE64, '');
    this.lines = [];
    this.held = 0;
    const units = text.split(PADDING);
    // The open run goes on in the next slice: only its whole 4-character groups are decoded now.
    const open = last ? '' : units.pop()!;
    const aligned = open.length - (open.length % 4);
    if (aligned) units.push(open.slice(0, aligned));
    this.carry = open.slice(aligned);
    for (const unit of units) {
      if (!unit.length) continue;
      const bytes = Buffer.from(unit, 'base64');
      this.decoded.push(bytes);
      this.decodedBytes += bytes.byteLength;
    }
  }
}

/** What postal-mime's Base64Decoder gives for these lines. */
export async function decodeBase64Lines(lines: readonly Uint8Array[], sliceBytes = SLICE_BYTES): Promise<ArrayBuffer> {
  const decoder = new FastBase64Decoder(sliceBytes);
  for (const line of lines) decoder.update(line);
  return decoder.finalize();
}
