// Reads a JSON object's top-level members as text ranges without parsing their values, and the items of
// an array member one at a time: a native feed of a million entries is then parsed entry by entry instead
// of as one document holding a million objects at once (and a second copy of them as entries).
import { FeedParseError } from './feed-parse-error.ts';

export interface Range {
  start: number;
  end: number;
}

/** Top-level members of the object `text` holds, by key (a later duplicate wins, as in JSON.parse). */
export function objectMembers(text: string): Map<string, Range> {
  const members = new Map<string, Range>();
  let i = skipSpace(text, 0);
  if (text[i] !== '{') throw syntax('expected "{"', i);
  i = skipSpace(text, i + 1);
  if (text[i] === '}') return finish(text, i + 1, members);
  for (;;) {
    if (text[i] !== '"') throw syntax('expected a member name', i);
    const keyEnd = valueEnd(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipSpace(text, keyEnd);
    if (text[i] !== ':') throw syntax('expected ":"', i);
    const start = skipSpace(text, i + 1);
    const end = valueEnd(text, start);
    members.delete(key);
    members.set(key, { start, end });
    i = skipSpace(text, end);
    if (text[i] === ',') {
      i = skipSpace(text, i + 1);
      continue;
    }
    if (text[i] === '}') return finish(text, i + 1, members);
    throw syntax('expected "," or "}"', i);
  }
}

/** The value in a range, parsed. */
export function parseRange(text: string, range: Range): unknown {
  try {
    return JSON.parse(text.slice(range.start, range.end));
  } catch (error) {
    throw syntax((error as Error).message, range.start);
  }
}

/** Ranges of the items of the array in `range`, one at a time. */
export function* arrayItems(text: string, range: Range): Generator<Range, void, void> {
  let i = skipSpace(text, range.start + 1);
  if (text[i] === ']') return;
  for (;;) {
    const end = valueEnd(text, i);
    yield { start: i, end };
    i = skipSpace(text, end);
    if (text[i] === ',') {
      i = skipSpace(text, i + 1);
      continue;
    }
    if (text[i] === ']') return;
    throw syntax('expected "," or "]"', i);
  }
}

function finish(text: string, at: number, members: Map<string, Range>): Map<string, Range> {
  if (skipSpace(text, at) !== text.length) throw syntax('unexpected text after the document', skipSpace(text, at));
  return members;
}

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
    else return i;
  }
}

/** Index just past the JSON value starting at `start` (strings, nesting and literals; not validated here). */
function valueEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === 0x22) return stringEnd(text, start);
  if (first === 0x7b || first === 0x5b) {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) i = stringEnd(text, i) - 1;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if ((c === 0x7d || c === 0x5d) && --depth === 0) return i + 1;
    }
    throw syntax('unterminated object or array', start);
  }
  let i = start;
  while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  if (i === start) throw syntax('expected a value', start);
  return i;
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
  }
  throw syntax('unterminated string', start);
}

function syntax(message: string, at: number): FeedParseError {
  return new FeedParseError('syntax', `feed is not valid JSON: ${message} at position ${at}`);
}
