import type { FoldedText } from '../lure/fold-text.ts';

/** The source words behind a match in folded text, on one line, trimmed to ~100 characters. */
export function quoteFolded(source: string, folded: FoldedText, start: number, end: number): string {
  const from = folded.origin[start] ?? 0;
  const to = folded.origin[end] ?? source.length;
  const text = source.slice(from, to).replace(/\s+/g, ' ').trim();
  return text.length > 100 ? `${text.slice(0, 97)}…` : text;
}
