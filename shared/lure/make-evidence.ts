/** Longest evidence string handed out. */
export const MAX_EVIDENCE = 120;

const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;

/** Plain text of source[start, end): invisible characters removed, white space collapsed, at most `max` characters. */
export function cleanSlice(source: string, start: number, end: number, max = MAX_EVIDENCE): string {
  const text = source.slice(start, end).replace(INVISIBLE, (c) => (c === '\n' || c === '\t' || c === '\r' ? ' ' : '')).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** A snippet of about `max` characters around source[start, end), cut at white space. */
export function snippet(source: string, start: number, end: number, max = MAX_EVIDENCE): string {
  const room = Math.max(0, max - (end - start));
  let from = Math.max(0, start - Math.floor(room / 2));
  let to = Math.min(source.length, end + Math.ceil(room / 2));
  // Do not start or end inside a word.
  if (from > 0) {
    const space = source.slice(from, start).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  if (to < source.length) {
    const tail = source.slice(end, to);
    const space = tail.search(/\s\S*$/);
    if (space >= 0) to = end + space;
  }
  // Stay on the line(s) of the match where that is enough.
  const head = source.slice(from, start);
  const lineStart = head.lastIndexOf('\n');
  if (lineStart >= 0) from += lineStart + 1;
  const rest = source.slice(end, to);
  const lineEnd = rest.indexOf('\n');
  if (lineEnd >= 0) to = end + lineEnd;
  return cleanSlice(source, from, to, max);
}
