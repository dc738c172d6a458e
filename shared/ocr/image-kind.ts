import type { Attachment } from '../types.ts';

/** Picture formats OCR reads. GIF means its first frame. */
export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'tiff' | 'heic';

function startsWith(bytes: Uint8Array, offset: number, ascii: string): boolean {
  if (bytes.length < offset + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[offset + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

const HEIF_BRANDS = ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'];

/** The picture format by its first bytes; media types and names lie, magic numbers rarely do. */
export function sniffImageKind(bytes: Uint8Array): ImageKind | undefined {
  if (bytes[0] === 0x89 && startsWith(bytes, 1, 'PNG')) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (startsWith(bytes, 0, 'GIF87a') || startsWith(bytes, 0, 'GIF89a')) return 'gif';
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WEBP')) return 'webp';
  if (startsWith(bytes, 0, 'BM') && bytes.length > 26) return 'bmp';
  if (startsWith(bytes, 0, 'II*\0') || startsWith(bytes, 0, 'MM\0*')) return 'tiff';
  if (startsWith(bytes, 4, 'ftyp') && HEIF_BRANDS.some((brand) => startsWith(bytes, 8, brand))) return 'heic';
  return undefined;
}

/** The attachment's picture format, from its bytes; undefined for anything that is not a picture OCR reads. */
export function imageKindOf(attachment: Attachment): ImageKind | undefined {
  if (!attachment.content || attachment.content.length === 0) return undefined;
  return sniffImageKind(attachment.content);
}
