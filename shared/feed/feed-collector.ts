import type { EntryVerdict, FeedEntry, FeedError } from './types.ts';
import { FeedParseError } from './feed-parse-error.ts';

/** Most errors kept per feed: a hostile feed must not turn its mistakes into a memory problem. */
export const MAX_ERRORS = 10_000;
/** A feed is refused once this many entries were left out and they are more than a quarter of all read. */
export const DEFAULT_MAX_REJECTED = 1_000;
/** Most distinct entries a feed may hold (a million fully described entries fit twice). */
export const DEFAULT_MAX_ENTRIES = 2_000_000;

export interface CollectorLimits {
  maxRejected?: number;
  maxEntries?: number;
}

/**
 * Gathers a parser's entries and errors. Entries for the same number (or block) and verdict are merged:
 * a CSV of complaints becomes one entry per number with its report count and first/last dates.
 * Parsers call `rejected()` for every entry they leave out; a feed that is mostly junk, or holds more
 * entries than the cap, is refused (FeedParseError) as soon as that is clear, not after reading all of it.
 */
export class FeedCollector {
  private readonly entries = new Map<string, FeedEntry>();
  readonly errors: FeedError[] = [];
  private dropped = 0;
  private accepted = 0;
  private refused = 0;
  private readonly maxRejected: number;
  private readonly maxEntries: number;

  constructor(limits: CollectorLimits = {}) {
    this.maxRejected = limits.maxRejected ?? DEFAULT_MAX_REJECTED;
    this.maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
  }

  error(where: string, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ where, message });
    else this.dropped++;
  }

  /** One entry (line, row, attribute) was left out; its error was reported with `error()`. */
  rejected(): void {
    this.refused++;
    if (this.refused >= this.maxRejected && this.refused * 3 > this.accepted) {
      const first = this.errors[0];
      throw new FeedParseError(
        'too-many-errors',
        `${this.refused} entries refused against ${this.accepted} read: the feed is mostly not phone numbers; refused` +
          (first ? ` (first at ${first.where}: ${first.message})` : ''),
      );
    }
  }

  /** An entry was accepted and kept elsewhere (a streamed copy holds its entries as bucket rows). */
  counted(): void {
    this.accepted++;
  }

  add(entry: FeedEntry): void {
    this.accepted++;
    const id = `${entry.kind}|${entry.key}|${entry.digits ?? ''}|${entry.verdict}`;
    const known = this.entries.get(id);
    if (!known && this.entries.size >= this.maxEntries) {
      throw new FeedParseError('too-many-entries', `feed holds more than ${this.maxEntries.toLocaleString('en-US')} entries; refused`);
    }
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
