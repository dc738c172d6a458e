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
 * Splits CSV text into rows (RFC 4180 quoting: "a ""b""", quoted newlines). An unterminated quote is
 * reported and the rest of the text is kept as that field, so nothing is silently lost.
 */
export function csvRows(text: string, delimiter: string, problems: CsvProblem[]): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 1;
  let cellStarted = false;

  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    cellStarted = false;
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && !cellStarted) {
      quoted = true;
      quoteLine = line;
      cellStarted = true;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
      cellStarted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += char;
      cellStarted = true;
    }
  }
  if (quoted) problems.push({ line: quoteLine, message: 'quoted field is never closed' });
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

/** The delimiter a header line uses: tab, semicolon or comma (most frequent outside quotes). */
export function detectDelimiter(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';'].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}
