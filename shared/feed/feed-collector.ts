import type { EntryVerdict, FeedEntry, FeedError } from './types.ts';

/** Most errors kept per feed: a hostile feed must not turn its mistakes into a memory problem. */
export const MAX_ERRORS = 10_000;

/**
 * Gathers a parser's entries and errors. Entries for the same number (or block) and verdict are merged:
 * a CSV of complaints becomes one entry per number with its report count and first/last dates.
 */
export class FeedCollector {
  private readonly entries = new Map<string, FeedEntry>();
  readonly errors: FeedError[] = [];
  private dropped = 0;

  error(where: string, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ where, message });
    else this.dropped++;
  }

  add(entry: FeedEntry): void {
    const id = `${entry.kind}|${entry.key}|${entry.digits ?? ''}|${entry.verdict}`;
    const known = this.entries.get(id);
    this.entries.set(id, known ? mergeEntries(known, entry) : entry);
  }

  result(): { entries: FeedEntry[]; errors: FeedError[] } {
    const errors = [...this.errors];
    if (this.dropped > 0) {
      errors.push({ where: 'feed', message: `${this.dropped} further errors not listed` });
    }
    return { entries: [...this.entries.values()], errors };
  }
}

export function mergeEntries(a: FeedEntry, b: FeedEntry): FeedEntry {
  const merged: FeedEntry = { ...b, ...a };
  const brands = unionBrands(a.brands, b.brands);
  if (brands) merged.brands = brands;
  const firstSeen = pick(a.firstSeen, b.firstSeen, (x, y) => x <= y);
  const lastSeen = pick(a.lastSeen, b.lastSeen, (x, y) => x >= y);
  const expires = pick(a.expires, b.expires, (x, y) => x >= y);
  if (firstSeen) merged.firstSeen = firstSeen;
  if (lastSeen) merged.lastSeen = lastSeen;
  if (expires) merged.expires = expires;
  if (a.reports !== undefined || b.reports !== undefined) merged.reports = (a.reports ?? 0) + (b.reports ?? 0);
  return merged;
}

function unionBrands(a?: string[], b?: string[]): string[] | undefined {
  if (!a && !b) return undefined;
  const seen = new Map<string, string>();
  for (const brand of [...(a ?? []), ...(b ?? [])]) {
    const id = brand.toLowerCase();
    if (!seen.has(id)) seen.set(id, brand);
  }
  return [...seen.values()];
}

/** Compares ISO dates by time, so "2026-03-03" and "2026-03-03T10:00:00.000Z" order correctly. */
function pick(a: string | undefined, b: string | undefined, keepFirst: (x: number, y: number) => boolean) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return keepFirst(Date.parse(a), Date.parse(b)) ? a : b;
}

export type { EntryVerdict };
