// Image-only lures generated in the test run: lure text with a random, valid US number drawn on a canvas,
// then saved as PNG, noisy JPEG, rotated, small print, WebP, BMP, TIFF, or a PDF whose only page is a JPEG.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import UTIF from 'utif';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LureNumber {
  e164: string;
  /** As printed in the picture, e.g. "+1 (804) 713-4598". */
  printed: string;
}

function digit(from: number, to: number): number {
  return from + Math.floor(Math.random() * (to - from + 1));
}

/** A random number that libphonenumber calls a valid US number (never a 555 fiction number). */
export function randomUsNumber(): LureNumber {
  for (;;) {
    const area = `${digit(2, 9)}${digit(0, 8)}${digit(0, 9)}`;
    const exchange = `${digit(2, 9)}${digit(0, 9)}${digit(0, 9)}`;
    const line = String(digit(0, 9999)).padStart(4, '0');
    if (exchange === '555' || area[1] === area[2]) continue;
    const parsed = parsePhoneNumberFromString(`+1${area}${exchange}${line}`);
    if (parsed?.isValid() && parsed.getType() !== 'TOLL_FREE') return { e164: parsed.number, printed: `+1 (${area}) ${exchange}-${line}` };
  }
}

export interface DrawOptions {
  width?: number;
  height?: number;
  fontPx?: number;
  rotateDeg?: number;
  noise?: number;
}

export function lureLines(number: LureNumber): string[] {
  return [
    'PayPal Invoice INV-' + String(digit(10000, 99999)),
    'Your account was charged $' + digit(300, 899) + '.99 for a Norton 360 renewal.',
    'If you did not authorize this payment, call our billing department',
    'at ' + number.printed + ' within 24 hours to cancel and get a refund.',
  ];
}

function drawText(context: SKRSContext2D, lines: string[], fontPx: number): void {
  context.fillStyle = '#111';
  context.font = `${fontPx}px sans-serif`;
  lines.forEach((line, i) => context.fillText(line, fontPx * 2, fontPx * 3 + i * fontPx * 1.6));
}

/** RGBA pixels of the lure, on white paper. */
export function drawLure(number: LureNumber, options: DrawOptions = {}) {
  const fontPx = options.fontPx ?? 28;
  const width = options.width ?? Math.round(fontPx * 36);
  const height = options.height ?? Math.round(fontPx * 11);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  if (options.rotateDeg) {
    context.translate(width / 2, height / 2);
    context.rotate((options.rotateDeg * Math.PI) / 180);
    context.translate(-width / 2, -height / 2);
  }
  drawText(context, lureLines(number), fontPx);
  context.setTransform(1, 0, 0, 1, 0, 0);
  if (options.noise) {
    const image = context.getImageData(0, 0, width, height);
    for (let i = 0; i < image.data.length; i += 4) {
      const n = (Math.random() - 0.5) * 2 * options.noise;
      for (let c = 0; c < 3; c++) image.data[i + c] = Math.max(0, Math.min(255, image.data[i + c]! + n));
    }
    context.putImageData(image, 0, 0);
  }
  return canvas;
}

export function lurePng(number: LureNumber, options?: DrawOptions): Uint8Array {
  return new Uint8Array(drawLure(number, options).toBuffer('image/png'));
}

export function lureJpeg(number: LureNumber, options?: DrawOptions, quality = 70): Uint8Array {
  return new Uint8Array(drawLure(number, options).toBuffer('image/jpeg', quality));
}

export function lureWebp(number: LureNumber, options?: DrawOptions): Uint8Array {
  return new Uint8Array(drawLure(number, options).toBuffer('image/webp', 90));
}

/** 24-bit uncompressed BMP, bottom-up rows padded to 4 bytes. */
export function lureBmp(number: LureNumber, options?: DrawOptions): Uint8Array {
  const canvas = drawLure(number, options);
  const { width, height } = canvas;
  const { data } = canvas.getContext('2d').getImageData(0, 0, width, height);
  const row = Math.ceil((width * 3) / 4) * 4;
  const out = new Uint8Array(54 + row * height);
  const view = new DataView(out.buffer);
  out[0] = 0x42;
  out[1] = 0x4d;
  view.setUint32(2, out.length, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  view.setUint32(34, row * height, true);
  for (let y = 0; y < height; y++) {
    const base = 54 + (height - 1 - y) * row;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      out[base + x * 3] = data[i + 2]!;
      out[base + x * 3 + 1] = data[i + 1]!;
      out[base + x * 3 + 2] = data[i]!;
    }
  }
  return out;
}

export function lureTiff(number: LureNumber, options?: DrawOptions): Uint8Array {
  const canvas = drawLure(number, options);
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  return new Uint8Array(UTIF.encodeImage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), canvas.width, canvas.height));
}

/** A one-page A4 PDF whose page is only a JPEG picture (no text layer), written by hand. */
export function imageOnlyPdf(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const pageW = 595;
  const pageH = 842;
  const drawH = Math.round((pageW - 60) * (height / width));
  const content = `q ${pageW - 60} 0 0 ${drawH} 30 ${pageH - 40 - drawH} cm /Im1 Do Q`;
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? encoder.encode(part) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (n: number, body: string, stream?: Uint8Array) => {
    offsets[n] = length;
    push(`${n} 0 obj\n${body}\n`);
    if (stream) {
      push('stream\n');
      push(stream);
      push('\nendstream\n');
    }
    push('endobj\n');
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageW} ${pageH}] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>`);
  object(4, `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>`, jpeg);
  object(5, `<< /Length ${content.length} >>`, encoder.encode(content));
  const xref = length;
  push(`xref\n0 6\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Bits packed least-significant first, as GIF's LZW stream wants them. */
class BitWriter {
  readonly bytes: number[] = [];
  private current = 0;
  private used = 0;
  write(code: number, width: number): void {
    this.current |= code << this.used;
    this.used += width;
    while (this.used >= 8) {
      this.bytes.push(this.current & 0xff);
      this.current >>>= 8;
      this.used -= 8;
    }
  }
  flush(): void {
    if (this.used > 0) this.bytes.push(this.current & 0xff);
    this.current = this.used = 0;
  }
}

/** One GIF frame of 8-bit grey indices, LZW-coded with literal codes only (a clear code keeps codes 9 bits wide). */
function gifFrame(indices: Uint8Array, width: number, height: number): number[] {
  const out = [0x2c, 0, 0, 0, 0, width & 0xff, width >> 8, height & 0xff, height >> 8, 0, 8];
  const bits = new BitWriter();
  const CLEAR = 256;
  for (let i = 0; i < indices.length; i++) {
    if (i % 250 === 0) bits.write(CLEAR, 9);
    bits.write(indices[i]!, 9);
  }
  bits.write(257, 9); // end of information
  bits.flush();
  for (let i = 0; i < bits.bytes.length; i += 255) {
    const block = bits.bytes.slice(i, i + 255);
    out.push(block.length, ...block);
  }
  out.push(0);
  return out;
}

/** An animated GIF: the lure in the first frame, a blank second frame (OCR reads the first). */
export function lureGif(number: LureNumber, options?: DrawOptions): Uint8Array {
  const canvas = drawLure(number, options);
  const { width, height } = canvas;
  const { data } = canvas.getContext('2d').getImageData(0, 0, width, height);
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = Math.round(0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!);
  const palette: number[] = [];
  for (let v = 0; v < 256; v++) palette.push(v, v, v);
  const bytes = [
    ...new TextEncoder().encode('GIF89a'), width & 0xff, width >> 8, height & 0xff, height >> 8, 0xf7, 0, 0, ...palette,
    0x21, 0xff, 0x0b, ...new TextEncoder().encode('NETSCAPE2.0'), 3, 1, 0, 0, 0,
    0x21, 0xf9, 4, 0, 100, 0, 0, 0, ...gifFrame(grey, width, height),
    0x21, 0xf9, 4, 0, 100, 0, 0, 0, ...gifFrame(new Uint8Array(width * height).fill(255), width, height),
    0x3b,
  ];
  return new Uint8Array(bytes);
}

/** HEIC made by Debian's heif-enc (libheif-examples, installed by .ci/run) from the PNG lure. */
export function lureHeic(number: LureNumber, options?: DrawOptions): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'ringfence-heic-'));
  try {
    writeFileSync(join(dir, 'lure.png'), lurePng(number, options));
    execFileSync(HEIF_ENC, ['-q', '90', join(dir, 'lure.png'), '-o', join(dir, 'lure.heic')], { stdio: 'pipe' });
    return new Uint8Array(readFileSync(join(dir, 'lure.heic')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const HEIF_ENC = '/usr/bin/heif-enc';
