import { FeedParseError } from './feed-parse-error.ts';

/** Deepest nesting a feed needs is about 6 (MISP event → Object → Attribute → Tag); more is hostile. */
export const MAX_JSON_DEPTH = 32;

/** Refuses JSON nested deeper than a feed ever needs, before anything parses it. */
export function checkJsonDepth(text: string): void {
  const depth = maxDepth(text, MAX_JSON_DEPTH);
  if (depth > MAX_JSON_DEPTH) {
    throw new FeedParseError('syntax', `JSON is nested deeper than ${MAX_JSON_DEPTH} levels; refused`);
  }
}

/** JSON.parse behind a nesting check, with errors a feed author can act on. */
export function parseJson(text: string): unknown {
  checkJsonDepth(text);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FeedParseError('syntax', `feed is not valid JSON: ${(error as Error).message}`);
  }
}

/** Bracket depth outside strings, stopping as soon as it passes `limit`. */
function maxDepth(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return 0;
}
