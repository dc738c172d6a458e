import type { Header } from '../../shared/types.ts';

/** Splits an RFC 5322 header block (as getAllInternetHeadersAsync returns it) into ordered, unfolded headers. */
export function parseHeaderBlock(block: string): Header[] {
  const headers: Header[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '') break; // end of the header section
    if (/^[ \t]/.test(line)) {
      const last = headers[headers.length - 1];
      if (last) last.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return headers;
}
