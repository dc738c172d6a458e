import type { EntryVerdict, FeedEntry } from './types.ts';
import { feedNumberKey } from './feed-number-key.ts';
import { normalizeBlock } from './normalize-block.ts';
import { MAX_NUMBER_TEXT } from './parse-text-line.ts';
import { preview, readBrands, readCount, readDate, readText } from './entry-fields.ts';

type Report = (message: string) => void;

/**
 * One native-format entry (`{number|block, digits, verdict, brands, ...}`) checked field by field.
 * A bad number, block or verdict drops the entry; a bad optional field drops only that field.
 */
export function readEntry(
  raw: unknown,
  defaults: { verdict: EntryVerdict; defaultRegion: string },
  report: Report,
): FeedEntry | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    report(`entry must be an object, got ${preview(raw)}`);
    return undefined;
  }
  const record = raw as Record<string, unknown>;
  const verdict = readVerdict(record.verdict, defaults.verdict, report);
  if (!verdict) return undefined;
  const key = readKey(record, defaults.defaultRegion, report);
  if (!key) return undefined;

  const entry: FeedEntry = key.digits === undefined ? { key: key.key, kind: key.kind, verdict } : { key: key.key, kind: key.kind, digits: key.digits, verdict };
  // One store per field, always in this order: entries share a few object shapes (a million of them parse fast).
  const brands = readBrands(record.brands ?? record.brand, 'brands', report);
  if (brands) entry.brands = brands;
  const label = readText(record.label, 'label', report);
  if (label !== undefined) entry.label = label;
  const firstSeen = readDate(record.firstSeen, 'firstSeen', report);
  if (firstSeen !== undefined) entry.firstSeen = firstSeen;
  const lastSeen = readDate(record.lastSeen, 'lastSeen', report);
  if (lastSeen !== undefined) entry.lastSeen = lastSeen;
  const expires = readDate(record.expires, 'expires', report);
  if (expires !== undefined) entry.expires = expires;
  const reports = readCount(record.reports, 'reports', report);
  if (reports !== undefined) entry.reports = reports;
  const lineType = readText(record.lineType, 'lineType', report);
  if (lineType !== undefined) entry.lineType = lineType;
  const carrier = readText(record.carrier, 'carrier', report);
  if (carrier !== undefined) entry.carrier = carrier;
  const source = readText(record.source, 'source', report);
  if (source !== undefined) entry.source = source;
  return entry;
}

function readVerdict(value: unknown, fallback: EntryVerdict, report: Report): EntryVerdict | undefined {
  if (value === undefined || value === null) return fallback;
  const verdict = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (verdict === 'scam' || verdict === 'trusted') return verdict;
  report(`verdict must be "scam" or "trusted", got ${preview(value)}`);
  return undefined;
}

function readKey(
  record: Record<string, unknown>,
  defaultRegion: string,
  report: Report,
): Pick<FeedEntry, 'key' | 'kind' | 'digits'> | undefined {
  const { number, block } = record;
  if (number !== undefined && block !== undefined) {
    report('entry has both "number" and "block"');
    return undefined;
  }
  if (number !== undefined) {
    if (typeof number !== 'string') {
      report(`number must be text like "+18047134598", got ${preview(number)}`);
      return undefined;
    }
    if (number.length > MAX_NUMBER_TEXT) {
      report(`number is too long to be a phone number: ${preview(number)}`);
      return undefined;
    }
    // A block written into "number" ("+1804713*", "+1804713XXXX") is still a block.
    if (/(?:\*|[xX]{2,})\s*$/.test(number.trim())) return readBlock(number, record.digits, report);
    const e164 = feedNumberKey(number, defaultRegion);
    if (!e164) report(`not a valid phone number: ${preview(number)}`);
    return e164 ? { key: e164, kind: 'number' } : undefined;
  }
  if (block !== undefined) {
    if (typeof block !== 'string') {
      report(`block must be text like "+1804713", got ${preview(block)}`);
      return undefined;
    }
    return readBlock(block, record.digits, report);
  }
  report('entry has neither "number" nor "block"');
  return undefined;
}

/** A block prefix, written plain ("+1804713" with `digits`) or with a mask ("+1804713*", "+1804713XXXX"). */
function readBlock(block: string, rawDigits: unknown, report: Report): Pick<FeedEntry, 'key' | 'kind' | 'digits'> | undefined {
  const digits = typeof rawDigits === 'string' && /^\d{1,2}$/.test(rawDigits.trim()) ? Number(rawDigits) : rawDigits;
  if (digits !== undefined && (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 1 || digits > 12)) {
    report(`digits must be a whole number from 1 to 12, got ${preview(digits)}`);
    return undefined;
  }
  if (block.length > MAX_NUMBER_TEXT) {
    report(`block is too long to be a number prefix: ${preview(block)}`);
    return undefined;
  }
  const written = /^(.*?)(\*|[xX]+)$/.exec(block.trim());
  const fromMask = written?.[2] && written[2] !== '*' ? written[2].length : undefined;
  const result = normalizeBlock(written ? written[1]! : block, (digits as number | undefined) ?? fromMask);
  if ('error' in result) {
    report(result.error);
    return undefined;
  }
  return { key: result.prefix, kind: 'block', digits: result.digits };
}

