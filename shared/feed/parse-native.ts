import type { ParsedFeed, FeedParseResult } from './types.ts';
import type { ResolvedOptions } from './parse-options.ts';
import { FeedCollector } from './feed-collector.ts';
import { FeedParseError } from './feed-parse-error.ts';
import { preview, readDate, readText } from './entry-fields.ts';
import { readEntry } from './read-entry.ts';
import { arrayItems, membersAfter, parseRange, type Members } from './json-members.ts';
import { STEP_SIZE, type Steps } from './steps.ts';

export const NATIVE_FORMAT = 'ringfence-feed/1';

/** A native document's top-level members (json-members.ts, "entries" streamed), or undefined when it is not an object. */
export type NativeSource = Members | undefined;

/** True when the members say `ringfence-feed/…` or hold `entries` (detectJsonFormat's rule for objects). */
export function isNativeDocument(source: NativeSource): boolean {
  if (!source) return false;
  if (source.streamed || source.members.has('entries')) return true;
  const format = source.members.get('format');
  if (!format) return false;
  const value = parseRange(source.text, format);
  return typeof value === 'string' && value.startsWith('ringfence-feed');
}

/**
 * The native `ringfence-feed/1` document, read member by member and entry by entry (never as one parsed
 * document: a million entries would be held twice).
 */
export function* parseNative(source: NativeSource, options: ResolvedOptions): Steps<FeedParseResult> {
  if (!source) throw new FeedParseError('syntax', `a ${NATIVE_FORMAT} feed must be a JSON object`);
  const { text, members } = source;
  const field = (key: string): unknown => {
    const range = members.get(key);
    return range ? parseRange(text, range) : undefined;
  };
  const format = field('format');
  if (format !== undefined && format !== NATIVE_FORMAT) {
    throw new FeedParseError('unsupported-version', `unsupported feed format ${preview(format)}; expected "${NATIVE_FORMAT}"`);
  }
  if (!source.streamed) throw new FeedParseError('syntax', `"entries" must be a list, got ${preview(field('entries'))}`);
  const collector = new FeedCollector(options.limits);
  const report = (where: string) => (message: string) => collector.error(where, message);

  const feed: ParsedFeed = {
    format: 'ringfence',
    name: options.name,
    entries: [],
  };
  let index = 0;
  const items = arrayItems(text, source.streamed.start);
  for (let item = items.next(); ; item = items.next()) {
    if (item.done) {
      membersAfter(source, item.value); // members written after "entries" (and the end of the document)
      break;
    }
    if ((index + 1) % STEP_SIZE === 0) yield;
    const entry = readEntry(parseRange(text, item.value), options, report(`entry ${index}`));
    if (entry) collector.add(entry);
    else collector.rejected();
    index++;
  }
  // Read after the entries: a writer may put them anywhere in the document.
  readNativeMembers(feed, field, index, report('feed'));
  const { entries, errors } = collector.result();
  feed.entries = entries;
  return { feed, errors };
}

/** The document's own name, published date, time to live and "empty" marker, read into `feed`. */
export function readNativeMembers(
  feed: Pick<ParsedFeed, 'name' | 'published' | 'ttlDays' | 'empty'>,
  field: (key: string) => unknown,
  entryCount: number,
  report: (message: string) => void,
): void {
  const name = readText(field('name'), 'name', report);
  if (name !== undefined) feed.name = name;
  const published = readDate(field('published'), 'published', report);
  if (published) feed.published = published;
  const ttlDays = readTtl(field('ttlDays'), report);
  if (ttlDays !== undefined) feed.ttlDays = ttlDays;
  const empty = field('empty');
  if (empty !== undefined) {
    if (empty !== true) report(`"empty" must be true (the feed has no entries on purpose), got ${preview(empty)}`);
    else if (entryCount > 0) report(`"empty": true but the feed has ${entryCount} entries; the entries are read`);
    else feed.empty = true;
  }
}

function readTtl(value: unknown, report: (message: string) => void): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 3650) return value;
  report(`ttlDays must be a number of days from 1 to 3650, got ${preview(value)}`);
  return undefined;
}
