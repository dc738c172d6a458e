import type { Link } from '../types.ts';

const MAX_LINKS = 5000;
// One character class repeated: linear time.
const URL = /https?:\/\/[^\s<>"'`]+/gi;

/** Links written out in plain text (http/https URLs); the URL is also the visible text. */
export function plainTextLinks(text: string): Link[] {
  const links: Link[] = [];
  for (const match of text.matchAll(URL)) {
    // Trailing punctuation usually ends the sentence, not the URL.
    const href = match[0].replace(/[.,;:!?)\]]+$/, '');
    links.push({ href, text: href });
    if (links.length >= MAX_LINKS) break;
  }
  return links;
}
