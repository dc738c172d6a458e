const DAY_MS = 24 * 60 * 60 * 1000;

/** Earliest and latest of some ISO dates, and the days between them (one decimal). */
export function dateSpan(dates: readonly (string | null)[]): { first: string | null; last: string | null; days: number | null } {
  let first = Number.NaN;
  let last = Number.NaN;
  for (const date of dates) {
    const time = date === null ? Number.NaN : Date.parse(date);
    if (Number.isNaN(time)) continue;
    if (!(time >= first)) first = time;
    if (!(time <= last)) last = time;
  }
  return timeSpan(first, last);
}

/** The same from the earliest and latest times in milliseconds (NaN: no dates). */
export function timeSpan(first: number, last: number): { first: string | null; last: string | null; days: number | null } {
  if (Number.isNaN(first) || Number.isNaN(last)) return { first: null, last: null, days: null };
  return {
    first: new Date(first).toISOString(),
    last: new Date(last).toISOString(),
    days: Math.round(((last - first) / DAY_MS) * 10) / 10,
  };
}
