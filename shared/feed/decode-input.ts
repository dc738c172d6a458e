import { FeedParseError } from './feed-parse-error.ts';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Feed bytes or text as a string, refused when over `maxBytes` (UTF-8 size) or not UTF-8 text. */
export function decodeInput(input: string | Uint8Array, maxBytes = DEFAULT_MAX_BYTES): string {
  if (typeof input === 'string') {
    if (utf8Length(input, maxBytes) > maxBytes) throw tooLarge(maxBytes);
    return stripBom(input);
  }
  if (!(input instanceof Uint8Array)) throw new FeedParseError('not-text', 'feed must be text or bytes');
  if (input.byteLength > maxBytes) throw tooLarge(maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new FeedParseError('not-text', 'feed is not UTF-8 text');
  }
  return stripBom(text);
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

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
