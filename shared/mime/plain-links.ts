import type { Link } from '../types.ts';

const MAX_LINKS = 5000;
// One character class repeated: linear time.
const URL = /https?:\/\/[^\s<>"'`]+/gi;

const TRAILING = new Set(['.', ',', ';', ':', '!', '?', ')', ']']);

/** Trailing punctuation usually ends the sentence, not the URL (a loop: an anchored regex would be quadratic). */
function withoutTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && TRAILING.has(url[end - 1] as string)) end--;
  return url.slice(0, end);
}

/** Links written out in plain text (http/https URLs); the URL is also the visible text. */
export function plainTextLinks(text: string): Link[] {
  const links: Link[] = [];
  for (const match of text.matchAll(URL)) {
    const href = withoutTrailingPunctuation(match[0]);
    links.push({ href, text: href });
    if (links.length >= MAX_LINKS) break;
  }
  return links;
}
