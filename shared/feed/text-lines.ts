/** Lines of a text (\n, \r\n or \r), one at a time with their 1-based number, without splitting it all up front. */
export function* textLines(text: string): Generator<{ line: number; content: string }, void, void> {
  let offset = 0;
  let line = 0;
  const n = text.length;
  while (offset < n) {
    line++;
    let end = offset;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 0x0a || c === 0x0d) break;
      end++;
    }
    yield { line, content: text.slice(offset, end) };
    offset = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
}
