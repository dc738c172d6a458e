// Reads a JSON object's top-level members as text ranges without parsing their values, and the items of
// an array member one at a time: a native feed of a million entries is then parsed entry by entry instead
// of as one document holding a million objects at once (and a second copy of them as entries). The one
// array member named as `streamed` is not even scanned up front: its items are found as they are read,
// so no step walks the whole text at once.
import { FeedParseError } from './feed-parse-error.ts';
import { MAX_JSON_DEPTH } from './parse-json.ts';
import { skipSpace, stringEnd as stringEndIn, syntax } from './json-text.ts';

export interface Range {
  start: number;
  end: number;
}

export interface Members {
  text: string;
  /** Members by key (a later duplicate wins, as in JSON.parse); the streamed array's range ends at -1 until read. */
  members: Map<string, Range>;
  /** Where the streamed array starts, when the object has it as an array. */
  streamed?: { key: string; start: number };
}

/** Top-level members of the object `text` holds; `streamed` names an array member left unscanned. */
export function objectMembers(text: string, streamed?: string): Members {
  const result: Members = { text, members: new Map() };
  let i = skipSpace(text, 0);
  if (text[i] !== '{') throw syntax('expected "{"', i);
  i = skipSpace(text, i + 1);
  if (text[i] === '}') return finish(text, i + 1, result);
  return readMembers(text, i, result, streamed);
}

/** Reads the members after the streamed array, once its items are read (`end` is just past its "]"). */
export function membersAfter(result: Members, end: number): Members {
  const { text, streamed } = result;
  if (!streamed) return result;
  result.members.set(streamed.key, { start: streamed.start, end });
  let i = skipSpace(text, end);
  if (text[i] === '}') return finish(text, i + 1, result);
  if (text[i] !== ',') throw syntax('expected "," or "}"', i);
  readMembers(text, skipSpace(text, i + 1), result, undefined);
  if (result.members.get(streamed.key)?.start !== streamed.start) throw syntax(`"${streamed.key}" appears twice`, streamed.start);
  return result;
}

function readMembers(text: string, from: number, result: Members, streamed: string | undefined): Members {
  let i = from;
  for (;;) {
    if (text[i] !== '"') throw syntax('expected a member name', i);
    const keyEnd = valueEnd(text, i, 1);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipSpace(text, keyEnd);
    if (text[i] !== ':') throw syntax('expected ":"', i);
    const start = skipSpace(text, i + 1);
    if (key === streamed && text[start] === '[') {
      result.members.delete(key);
      result.streamed = { key, start };
      return result;
    }
    const end = valueEnd(text, start, 1);
    result.members.delete(key);
    result.members.set(key, { start, end });
    i = skipSpace(text, end);
    if (text[i] === ',') {
      i = skipSpace(text, i + 1);
      continue;
    }
    if (text[i] === '}') return finish(text, i + 1, result);
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

/** Ranges of the items of the array starting at `start` (a member's value, depth 1), one at a time; returns the index past "]". */
export function* arrayItems(text: string, start: number): Generator<Range, number, void> {
  let i = skipSpace(text, start + 1);
  if (text[i] === ']') return i + 1;
  for (;;) {
    const end = valueEnd(text, i, 2);
    yield { start: i, end };
    i = skipSpace(text, end);
    if (text[i] === ',') {
      i = skipSpace(text, i + 1);
      continue;
    }
    if (text[i] === ']') return i + 1;
    throw syntax('expected "," or "]"', i);
  }
}

function finish(text: string, at: number, result: Members): Members {
  if (skipSpace(text, at) !== text.length) throw syntax('unexpected text after the document', skipSpace(text, at));
  return result;
}


/**
 * Index just past the JSON value starting at `start`, found at nesting `depth` (strings, nesting and literals;
 * not validated here). Nesting deeper than a feed ever needs is refused on the way.
 */
function valueEnd(text: string, start: number, depth: number): number {
  const first = text.charCodeAt(start);
  if (first === 0x22) return stringEnd(text, start);
  if (first === 0x7b || first === 0x5b) {
    let level = 0;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) i = stringEnd(text, i) - 1;
      else if (c === 0x7b || c === 0x5b) {
        if (++level + depth > MAX_JSON_DEPTH) throw new FeedParseError('syntax', `JSON is nested deeper than ${MAX_JSON_DEPTH} levels; refused`);
      } else if ((c === 0x7d || c === 0x5d) && --level === 0) return i + 1;
    }
    throw syntax('unterminated object or array', start);
  }
  let i = start;
  while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  if (i === start) throw syntax('expected a value', start);
  return i;
}

function stringEnd(text: string, start: number): number {
  const end = stringEndIn(text, start);
  if (end < 0) throw syntax('unterminated string', start);
  return end;
}
