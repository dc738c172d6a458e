import type { ParsedFeed, FeedParseResult } from './types.ts';
import type { ResolvedOptions } from './parse-options.ts';
import { FeedCollector } from './feed-collector.ts';
import { FeedParseError } from './feed-parse-error.ts';
import { preview, readDate, readText } from './entry-fields.ts';
import { readEntry } from './read-entry.ts';
import { STEP_SIZE, type Steps } from './steps.ts';

export const NATIVE_FORMAT = 'ringfence-feed/1';

/** The native `ringfence-feed/1` document, already JSON-parsed. */
export function* parseNative(document: unknown, options: ResolvedOptions): Steps<FeedParseResult> {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new FeedParseError('syntax', `a ${NATIVE_FORMAT} feed must be a JSON object`);
  }
  const root = document as Record<string, unknown>;
  if (root.format !== undefined && root.format !== NATIVE_FORMAT) {
    throw new FeedParseError('unsupported-version', `unsupported feed format ${preview(root.format)}; expected "${NATIVE_FORMAT}"`);
  }
  if (!Array.isArray(root.entries)) {
    throw new FeedParseError('syntax', `"entries" must be a list, got ${preview(root.entries)}`);
  }
  const collector = new FeedCollector(options.limits);
  const report = (where: string) => (message: string) => collector.error(where, message);

  const feed: ParsedFeed = {
    format: 'ringfence',
    name: readText(root.name, 'name', report('feed')) ?? options.name,
    entries: [],
  };
  const published = readDate(root.published, 'published', report('feed'));
  if (published) feed.published = published;
  const ttlDays = readTtl(root.ttlDays, report('feed'));
  if (ttlDays !== undefined) feed.ttlDays = ttlDays;
  if (root.empty !== undefined) {
    if (root.empty !== true) report('feed')(`"empty" must be true (the feed has no entries on purpose), got ${preview(root.empty)}`);
    else if (root.entries.length > 0) report('feed')(`"empty": true but the feed has ${root.entries.length} entries; the entries are read`);
    else feed.empty = true;
  }

  for (let index = 0; index < root.entries.length; index++) {
    if ((index + 1) % STEP_SIZE === 0) yield;
    const entry = readEntry(root.entries[index], options, report(`entry ${index}`));
    if (entry) collector.add(entry);
    else collector.rejected();
  }
  const { entries, errors } = collector.result();
  feed.entries = entries;
  return { feed, errors };
}

function readTtl(value: unknown, report: (message: string) => void): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 3650) return value;
  report(`ttlDays must be a number of days from 1 to 3650, got ${preview(value)}`);
  return undefined;
}
