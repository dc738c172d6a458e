export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

/**
 * Splits CSV text into rows (RFC 4180 quoting: "a ""b""", quoted newlines), one at a time. An unterminated
 * quote is reported and the rest of the text is kept as that field, so nothing is silently lost.
 */
export function* csvRows(text: string, delimiter: string, problems: CsvProblem[]): Generator<CsvRow, void, void> {
  let cells: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = text.length;

  while (i <= n) {
    let cell: string;
    if (text[i] === '"') {
      const quoteLine = line;
      let value = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) {
          value += text.slice(from);
          line += countNewlines(text, from, n);
          problems.push({ line: quoteLine, message: 'quoted field is never closed' });
          i = n;
          break;
        }
        value += text.slice(from, close);
        line += countNewlines(text, from, close);
        if (text[close + 1] === '"') {
          value += '"';
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      // Text between the closing quote and the delimiter is kept, not dropped.
      const end = nextBreak(text, i, delimiter);
      cell = value + text.slice(i, end);
      i = end;
    } else {
      const end = nextBreak(text, i, delimiter);
      cell = text.slice(i, end);
      i = end;
    }
    cells.push(cell);
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    // End of line or of text: close the row.
    if (cells.length > 1 || cells[0] !== '') yield { line: rowLine, cells };
    cells = [];
    if (i >= n) break;
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    rowLine = line;
  }
}

function nextBreak(text: string, from: number, delimiter: string): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === delimiter || c === '\n' || c === '\r') return i;
  }
  return text.length;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** The delimiter a header line uses: tab, semicolon or comma (most frequent outside quotes). */
export function detectDelimiter(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';'].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}
