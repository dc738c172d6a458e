import type { ImageKind } from './image-kind.ts';

export interface PixelSize {
  width: number;
  height: number;
}

function u16be(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}
function u16le(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}
function u24le(b: Uint8Array, i: number): number {
  return u16le(b, i) | ((b[i + 2] ?? 0) << 16);
}
function u32be(b: Uint8Array, i: number): number {
  return ((u16be(b, i) << 16) >>> 0) + u16be(b, i + 2);
}
function i32le(b: Uint8Array, i: number): number {
  return u16le(b, i) | (u16le(b, i + 2) << 16);
}

function jpegSize(b: Uint8Array): PixelSize | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const length = u16be(b, i + 2);
    // Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    if (length < 2) return undefined;
    i += 2 + length;
  }
  return undefined;
}

function webpSize(b: Uint8Array): PixelSize | undefined {
  const chunk = String.fromCharCode(b[12] ?? 0, b[13] ?? 0, b[14] ?? 0, b[15] ?? 0);
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === 'VP8 ') return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

/**
 * Width and height from the picture's header, without decoding it: tiny pictures (logos, tracking pixels)
 * and decompression bombs are turned away before any pixel is decoded. Undefined where the header does not
 * say (TIFF, HEIC) or is damaged.
 */
export function imageSize(bytes: Uint8Array, kind: ImageKind): PixelSize | undefined {
  let size: PixelSize | undefined;
  switch (kind) {
    case 'png':
      size = bytes.length >= 24 ? { width: u32be(bytes, 16), height: u32be(bytes, 20) } : undefined;
      break;
    case 'gif':
      size = bytes.length >= 10 ? { width: u16le(bytes, 6), height: u16le(bytes, 8) } : undefined;
      break;
    case 'bmp':
      size = bytes.length >= 26 ? { width: Math.abs(i32le(bytes, 18)), height: Math.abs(i32le(bytes, 22)) } : undefined;
      break;
    case 'jpeg':
      size = jpegSize(bytes);
      break;
    case 'webp':
      size = bytes.length >= 30 ? webpSize(bytes) : undefined;
      break;
    default:
      size = undefined;
  }
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}
