// Small scanners over JSON text shared by the feed readers: whitespace, string ends and syntax errors.
import { FeedParseError } from './feed-parse-error.ts';

export function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
    else return i;
  }
}

/** Index just past the JSON string whose opening quote is at `start`, or -1 when the text ends inside it. */
export function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
  }
  return -1;
}

export function syntax(message: string, at: number): FeedParseError {
  return new FeedParseError('syntax', `feed is not valid JSON: ${message} at position ${at}`);
}
