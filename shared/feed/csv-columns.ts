/** Header names each feed field is read from, in order of preference (compared lower-case, `_` for spaces). */
export const CSV_COLUMNS = {
  number: ['number', 'e164', 'phone_e164', 'phone_number', 'phonenumber', 'company_phone_number', 'phone', 'telephone', 'tel', 'msisdn', 'block'],
  digits: ['digits'],
  verdict: ['verdict'],
  brands: ['brands', 'brand', 'brands_impersonated', 'impersonated'],
  firstSeen: ['first_seen', 'firstseen', 'first_date'],
  lastSeen: ['last_seen', 'lastseen', 'last_date'],
  /** One sighting per row (a complaint export): counts as a report, dated by this column. */
  date: ['violation_date', 'created_date', 'date', 'reported', 'reported_at', 'seen'],
  expires: ['expires'],
  reports: ['reports', 'report_count', 'count', 'n_samples', 'complaints'],
  label: ['label'],
  lineType: ['line_type', 'linetype'],
  carrier: ['carrier'],
  source: ['source'],
} as const;

export type CsvField = keyof typeof CSV_COLUMNS;

export function headerKey(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** Column index for each field the header names. */
export function mapColumns(header: readonly string[]): Partial<Record<CsvField, number>> {
  const keys = header.map(headerKey);
  const map: Partial<Record<CsvField, number>> = {};
  for (const field of Object.keys(CSV_COLUMNS) as CsvField[]) {
    for (const name of CSV_COLUMNS[field]) {
      const index = keys.indexOf(name);
      if (index >= 0) {
        map[field] = index;
        break;
      }
    }
  }
  if (map.number === undefined) {
    const guess = keys.findIndex((key) => /phone|number|e164|msisdn|caller|^tel/.test(key));
    if (guess >= 0) map.number = guess;
  }
  return map;
}
