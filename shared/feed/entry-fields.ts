import { normalizeDate } from './normalize-date.ts';
import { internList, internText } from './intern.ts';

/** Longest text kept in a field; longer values are refused (reported), never truncated silently. */
export const MAX_TEXT = 500;
export const MAX_BRANDS = 50;

type Report = (message: string) => void;

/** An optional text field: a string is kept exactly as written (never parsed as HTML); anything else is refused. */
export function readText(value: unknown, field: string, report: Report): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    report(`${field} must be text, got ${describeType(value)}`);
    return undefined;
  }
  if (value.length > MAX_TEXT) {
    report(`${field} is longer than ${MAX_TEXT} characters`);
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed.length > 0 ? internText(trimmed) : undefined;
}

/** Brands as a list of names, from an array or one "PayPal; Norton" string. */
export function readBrands(value: unknown, field: string, report: Report): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = typeof value === 'string' ? splitBrands(value) : value;
  if (!Array.isArray(items)) {
    report(`${field} must be a list of names, got ${describeType(value)}`);
    return undefined;
  }
  const brands: string[] = [];
  for (const item of items) {
    const brand = readText(item, `${field} item`, report);
    if (brand !== undefined && !brands.includes(brand)) brands.push(brand);
    if (brands.length >= MAX_BRANDS) {
      report(`${field} has more than ${MAX_BRANDS} names; the rest are ignored`);
      break;
    }
  }
  return brands.length > 0 ? internList(brands) : undefined;
}

export function splitBrands(text: string): string[] {
  return text
    .split(/[;,|]/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

export function readDate(value: unknown, field: string, report: Report): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = normalizeDate(value);
  if (date === undefined) report(`${field} is not a date: ${preview(value)}`);
  return date === undefined ? undefined : internText(date);
}

export function readCount(value: unknown, field: string, report: Report): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const count = typeof value === 'string' && /^\d{1,12}$/.test(value.trim()) ? Number(value) : value;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
    report(`${field} must be a whole number of 0 or more, got ${preview(value)}`);
    return undefined;
  }
  return count;
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${preview(value)}`;
}

/** A short printable rendering of a bad value for error messages. */
export function preview(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
