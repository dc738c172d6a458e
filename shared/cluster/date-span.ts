const DAY_MS = 24 * 60 * 60 * 1000;

/** Earliest and latest of some ISO dates, and the days between them (one decimal). */
export function dateSpan(dates: readonly (string | null)[]): { first: string | null; last: string | null; days: number | null } {
  let first: number | undefined;
  let last: number | undefined;
  for (const date of dates) {
    const time = date === null ? Number.NaN : Date.parse(date);
    if (Number.isNaN(time)) continue;
    if (first === undefined || time < first) first = time;
    if (last === undefined || time > last) last = time;
  }
  if (first === undefined || last === undefined) return { first: null, last: null, days: null };
  return {
    first: new Date(first).toISOString(),
    last: new Date(last).toISOString(),
    days: Math.round(((last - first) / DAY_MS) * 10) / 10,
  };
}
