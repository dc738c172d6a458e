import type { Address } from '../../shared/types.ts';

const EMAIL = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[^\s<>()"',;:]+/;

/** "Name <user@example.com>", "user@example.com" or a title attribute → Address; null without an address. */
export function parseAddressText(text: string | null | undefined, name?: string | null): Address | null {
  if (!text) return null;
  const match = EMAIL.exec(text);
  if (!match) return null;
  const address = match[0].toLowerCase();
  const display = (name ?? text.slice(0, match.index).replace(/[<"]/g, '')).trim();
  return { address, name: display === address ? '' : display };
}
