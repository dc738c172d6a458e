const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_NO_ZONE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/**
 * ISO form of a feed date: "2026-03-03" stays a date; date-times become UTC ISO strings (a time without
 * a zone, like the FTC export's "2021-07-07 00:01:15", is read as UTC). Numbers are Unix seconds (MISP).
 */
export function normalizeDate(value: unknown): string | undefined {
  if (typeof value === 'number') return fromSeconds(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text.length === 0 || text.length > 40) return undefined;
  if (/^\d{9,11}$/.test(text)) return fromSeconds(Number(text));
  if (DATE_ONLY.test(text)) return Number.isNaN(Date.parse(text)) ? undefined : text;
  const local = DATE_TIME_NO_ZONE.exec(text);
  const time = Date.parse(local ? `${local[1]}T${local[2]}Z` : text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function fromSeconds(seconds: number): string | undefined {
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Milliseconds since the epoch for a normalised feed date ("2026-03-03" is midnight UTC). */
export function dateTime(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
