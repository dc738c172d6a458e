import type { FeedEntry, FeedParseResult, ParsedFeed } from './types.ts';
import type { ResolvedOptions } from './parse-options.ts';
import { FeedCollector } from './feed-collector.ts';
import { FeedParseError } from './feed-parse-error.ts';
import { csvRows, detectDelimiter, type CsvProblem, type CsvRow } from './csv-rows.ts';
import { isEmptyDirective } from './empty-directive.ts';
import { STEP_SIZE, type Steps } from './steps.ts';
import { CSV_COLUMNS, mapColumns, type CsvField } from './csv-columns.ts';
import { readBrands, readCount, readDate, readText, preview } from './entry-fields.ts';
import { parseNumberOrBlock } from './parse-text-line.ts';

/**
 * CSV (or TSV) with a header row naming the number column, e.g. the US FTC Do Not Call export
 * (`Company_Phone_Number,Created_Date,Violation_Date,...`). Rows for the same number merge into one entry;
 * in a complaint export (a date per row, no count column) each row counts as one report.
 */
export function* parseCsv(text: string, options: ResolvedOptions): Steps<FeedParseResult> {
  const { body, skipped, empty } = dropLeadingComments(text);
  const firstLine = body.slice(0, body.search(/\r|\n|$/));
  const problems: CsvProblem[] = [];
  const rows = csvRows(body, detectDelimiter(firstLine), problems);
  const header = rows.next().value;
  if (!header) {
    // Only comments: a feed with no entries, on purpose when it says `# empty`.
    if (body.trim() === '') return { feed: { format: 'csv', name: options.name, entries: [], ...(empty ? { empty } : {}) }, errors: [] };
    throw new FeedParseError('syntax', 'CSV feed has no header row');
  }
  let columns = mapColumns(header.cells);
  let firstData: CsvRow | undefined;
  if (columns.number === undefined) {
    // No header at all: the first row is data when one of its cells is a number.
    const numberCell = header.cells.findIndex((cell) => !('error' in parseNumberOrBlock(cell, 'scam', options.defaultRegion)));
    if (numberCell >= 0) {
      columns = { number: numberCell };
      firstData = header;
    }
  }
  if (columns.number === undefined) {
    throw new FeedParseError(
      'syntax',
      `CSV header names no number column (expected one of: ${CSV_COLUMNS.number.join(', ')}); header was ${preview(header.cells.join(','))}`,
    );
  }

  const collector = new FeedCollector(options.limits);
  const complaintRows = columns.reports === undefined && columns.date !== undefined;
  let count = 0;
  const read = (row: CsvRow) => {
    const where = `line ${row.line + skipped}`;
    const entry = readRow(row.cells, columns, options, complaintRows, (message) => collector.error(where, message));
    if (entry) collector.add(entry);
    else collector.rejected();
  };
  if (firstData) read(firstData);
  for (const row of rows) {
    if (++count % STEP_SIZE === 0) yield;
    read(row);
  }
  // An unterminated quote is found while reading rows; it is reported with them.
  for (const problem of problems) collector.error(`line ${problem.line + skipped}`, problem.message);
  const { entries, errors } = collector.result();
  const feed: ParsedFeed = { format: 'csv', name: options.name, entries };
  if (empty && entries.length === 0) feed.empty = true;
  return { feed, errors };
}

function readRow(
  cells: readonly string[],
  columns: Partial<Record<CsvField, number>>,
  options: ResolvedOptions,
  complaintRow: boolean,
  report: (message: string) => void,
): FeedEntry | undefined {
  const cell = (field: CsvField) => (columns[field] === undefined ? undefined : cells[columns[field]!]);
  const raw = (cell('number') ?? '').trim();
  if (raw === '') {
    report('number is empty');
    return undefined;
  }
  const verdictCell = cell('verdict')?.trim().toLowerCase();
  if (verdictCell && verdictCell !== 'scam' && verdictCell !== 'trusted') {
    report(`verdict must be "scam" or "trusted", got ${preview(cell('verdict'))}`);
    return undefined;
  }
  const verdict = (verdictCell || options.verdict) as FeedEntry['verdict'];
  const digits = readCount(cell('digits'), 'digits', report);
  if (digits !== undefined && (digits < 1 || digits > 12)) {
    report(`digits must be a whole number from 1 to 12, got ${digits}`);
    return undefined;
  }
  const withDigits = digits !== undefined && !raw.endsWith('*') ? `${raw.replace(/[\s().-]/g, '')}${'x'.repeat(digits)}` : raw;
  const parsed = parseNumberOrBlock(withDigits, verdict, options.defaultRegion);
  if ('error' in parsed) {
    report(parsed.error);
    return undefined;
  }
  const entry: FeedEntry = parsed;
  const brands = readBrands(cell('brands') || undefined, 'brands', report);
  if (brands) entry.brands = brands;
  const date = readDate(cell('date'), 'date', report);
  set(entry, 'firstSeen', readDate(cell('firstSeen'), 'first_seen', report) ?? date);
  set(entry, 'lastSeen', readDate(cell('lastSeen'), 'last_seen', report) ?? date);
  set(entry, 'expires', readDate(cell('expires'), 'expires', report));
  set(entry, 'reports', readCount(cell('reports'), 'reports', report) ?? (complaintRow ? 1 : undefined));
  set(entry, 'label', readText(cell('label'), 'label', report));
  set(entry, 'lineType', readText(cell('lineType'), 'line_type', report));
  set(entry, 'carrier', readText(cell('carrier'), 'carrier', report));
  set(entry, 'source', readText(cell('source'), 'source', report));
  return entry;
}

function set<K extends keyof FeedEntry>(entry: FeedEntry, field: K, value: FeedEntry[K] | undefined): void {
  if (value !== undefined) entry[field] = value;
}

/** `#` comment lines before the header are skipped (`skipped` keeps line numbers true); `# empty` is noted. */
function dropLeadingComments(text: string): { body: string; skipped: number; empty: boolean } {
  let offset = 0;
  let skipped = 0;
  let empty = false;
  for (;;) {
    const end = text.indexOf('\n', offset);
    const line = text.slice(offset, end < 0 ? text.length : end).trim();
    if (!(line === '' || line.startsWith('#'))) break;
    if (isEmptyDirective(line)) empty = true;
    if (end < 0) return { body: '', skipped, empty };
    offset = end + 1;
    skipped++;
  }
  return { body: text.slice(offset), skipped, empty };
}
