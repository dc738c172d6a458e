import { FeedParseError } from './feed-parse-error.ts';

/** Fits a million entries carrying every field of the README example (~143 MB; about 6 MB gzip on the wire). */
export const DEFAULT_MAX_BYTES = 160 * 1024 * 1024;

/** Feed bytes or text as a string, refused when over `maxBytes` (UTF-8 size) or not UTF-8 text. */
export function decodeInput(input: string | Uint8Array, maxBytes = DEFAULT_MAX_BYTES): string {
  if (typeof input === 'string') {
    if (utf8Length(input, maxBytes) > maxBytes) throw tooLarge(maxBytes);
    return checkText(stripBom(input));
  }
  if (!(input instanceof Uint8Array)) throw new FeedParseError('not-text', 'feed must be text or bytes');
  if (input.byteLength > maxBytes) throw tooLarge(maxBytes);
  return checkText(stripBom(decodeBytes(input)));
}

/** UTF-8; UTF-16 when a byte order mark says so (Excel "Unicode text"); else Windows-1252 (old exports). */
function decodeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function tooLarge(maxBytes: number): FeedParseError {
  return new FeedParseError('too-large', `feed is larger than the ${formatBytes(maxBytes)} cap; refused`);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} kB`;
  return `${bytes} bytes`;
}

/** UTF-8 length of a string, stopping early once past `limit`. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Text with NUL characters is binary, not a feed in any format. */
function checkText(text: string): string {
  if (text.includes('\u0000')) throw new FeedParseError('not-text', 'feed holds NUL bytes: binary data, not a feed');
  return text;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
