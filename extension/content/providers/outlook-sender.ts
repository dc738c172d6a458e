// The sender as Outlook on the web shows it: "Name <a@b>", "From: Name <a@b>", or a bare "a@b" in a title.
// Read with a small parser of the page's text instead of postal-mime's header parser, which would add ~3 KB
// (gzip) to the content script: an address in angle brackets wins (the last one), so an address-shaped name
// ("noreply@github.com" <attacker@evil.example>) stays a name; otherwise the first bare address, with no name.
import type { Address } from '../../../shared/types.ts';

/** Longest text looked at; a sender field longer than this is padding. */
const MAX_CHARS = 8 * 1024;
const ANGLE = /<\s*([^\s<>@]+@[^\s<>]+?)\s*>/g;
const BARE = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/;

export function pageMailbox(text: string | null | undefined): Address | null {
  if (!text) return null;
  const value = text.slice(0, MAX_CHARS);
  let last: RegExpExecArray | null = null;
  for (const match of value.matchAll(ANGLE)) last = match;
  if (last) {
    const address = last[1]!.toLowerCase();
    const name = value.slice(0, last.index).replace(/^\s*From:?\s*/i, '').trim().replace(/^"(.*)"$/, '$1').trim();
    return { address, name: name.toLowerCase() === address ? '' : name };
  }
  const bare = BARE.exec(value)?.[0];
  return bare ? { address: bare.toLowerCase(), name: '' } : null;
}
