import type { FeedEntry, FeedParseResult } from './types.ts';
import type { ResolvedOptions } from './parse-options.ts';
import { FeedCollector } from './feed-collector.ts';
import { FeedParseError } from './feed-parse-error.ts';
import { parseNumberOrBlock } from './parse-text-line.ts';
import { describeType, readDate, readText } from './entry-fields.ts';
import { STEP_SIZE, type Steps } from './steps.ts';

/** MISP attribute types that hold a phone number to call (premium-rate numbers are `prtn`). */
const PHONE_TYPES = new Set(['phone-number', 'prtn']);
/** Object attribute relations that hold a phone number even when typed as plain text. */
const PHONE_RELATION = /^(phone|phone-number|phone_number|telephone|msisdn|callback-number)$/i;
/** Tags naming an impersonated brand: `brand:PayPal`, `ringfence:brand="PayPal"`. */
const BRAND_TAG = /(?:^|:)brand\s*[:=]\s*"?([^"]+?)"?$/i;

interface EventContext {
  info?: string;
  date?: string;
  /** Brands from the event's own tags, given to each of its numbers. */
  brands: string[];
}

/**
 * MISP JSON: an event (`{"Event": {...}}` or bare) with `Attribute` and `Object[].Attribute` entries, a list
 * of events, or a restSearch export (`{"response": {"Attribute": [...]}}` / `{"response": [{"Event": ...}]}`).
 * Attributes of other types are skipped; deleted ones too.
 */
export function* parseMisp(document: unknown, options: ResolvedOptions): Steps<FeedParseResult> {
  const collector = new FeedCollector(options.limits);
  const events = findEvents(document);
  if (!events) {
    throw new FeedParseError('syntax', 'MISP feed must be an event, a list of events or a restSearch export');
  }
  let count = 0;
  for (const { event, where: eventWhere } of events) {
    if (!isObject(event)) {
      collector.error(eventWhere, `event must be an object, got ${describeType(event)}`);
      continue;
    }
    const context = eventContext(event, (m) => collector.error(eventWhere, m));
    for (const [attribute, where] of listItems(event.Attribute, `${eventWhere}Attribute`, collector)) {
      if (++count % STEP_SIZE === 0) yield;
      readAttribute(attribute, context, where, collector, options);
    }
    for (const [object, objectWhere] of listItems(event.Object, `${eventWhere}Object`, collector)) {
      if (!isObject(object)) {
        collector.error(objectWhere, `object must be an object, got ${describeType(object)}`);
        continue;
      }
      for (const [attribute, where] of listItems(object.Attribute, `${objectWhere} Attribute`, collector)) {
        if (++count % STEP_SIZE === 0) yield;
        readAttribute(attribute, context, where, collector, options);
      }
    }
  }
  const { entries, errors } = collector.result();
  return { feed: { format: 'misp', name: options.name, entries }, errors };
}

/** The events (or the one pseudo-event holding restSearch attributes) in a MISP document. */
function findEvents(document: unknown): { event: unknown; where: string }[] | undefined {
  if (Array.isArray(document)) return document.map((item, i) => ({ event: unwrap(item), where: `event ${i} ` }));
  if (!isObject(document)) return undefined;
  const response = document.response;
  if (response !== undefined) {
    if (Array.isArray(response)) return response.map((item, i) => ({ event: unwrap(item), where: `event ${i} ` }));
    if (isObject(response) && 'Attribute' in response) return [{ event: response, where: '' }];
    return undefined;
  }
  if (isObject(document.Event)) return [{ event: document.Event, where: '' }];
  if ('Attribute' in document || 'Object' in document) return [{ event: document, where: '' }];
  return undefined;
}

function unwrap(item: unknown): unknown {
  return isObject(item) && isObject(item.Event) ? item.Event : item;
}

function eventContext(event: Record<string, unknown>, report: (m: string) => void): EventContext {
  const context: EventContext = { brands: tagBrands(event.Tag, report) };
  const info = readText(event.info, 'event info', report);
  if (info) context.info = info;
  const date = readDate(event.date, 'event date', report);
  if (date) context.date = date;
  return context;
}

/** The items of a list with where each is; a value that is not a list is reported and gives none. */
function* listItems(list: unknown, where: string, collector: FeedCollector): Generator<[unknown, string], void, void> {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) {
    collector.error(where, `must be a list, got ${describeType(list)}`);
    return;
  }
  for (let index = 0; index < list.length; index++) yield [list[index], `${where} ${index}`];
}

function readAttribute(
  raw: unknown,
  context: EventContext,
  where: string,
  collector: FeedCollector,
  options: ResolvedOptions,
): void {
  const report = (message: string) => collector.error(where, message);
  const reject = (message: string) => {
    report(message);
    collector.rejected();
  };
  if (!isObject(raw)) return reject(`attribute must be an object, got ${describeType(raw)}`);
  if (!isPhoneAttribute(raw)) return;
  if (raw.deleted === true || raw.deleted === '1') return;
  if (typeof raw.value !== 'string') return reject(`${String(raw.type)} value must be text, got ${describeType(raw.value)}`);
  const parsed = parseNumberOrBlock(raw.value, options.verdict, options.defaultRegion);
  if ('error' in parsed) return reject(parsed.error);
  const entry: FeedEntry = parsed;
  const brands = [...new Set([...context.brands, ...tagBrands(raw.Tag, report)])];
  if (brands.length > 0) entry.brands = brands;
  const firstSeen = readDate(raw.first_seen, 'first_seen', report) ?? context.date;
  const lastSeen = readDate(raw.last_seen, 'last_seen', report) ?? readDate(raw.timestamp, 'timestamp', report);
  if (firstSeen) entry.firstSeen = firstSeen;
  if (lastSeen ?? firstSeen) entry.lastSeen = (lastSeen ?? firstSeen)!;
  const label = readText(raw.comment, 'comment', report);
  if (label) entry.label = label;
  // restSearch attributes carry their event as `Event: {info}`.
  const info = context.info ?? (isObject(raw.Event) ? readText(raw.Event.info, 'Event info', report) : undefined);
  if (info) entry.source = info;
  collector.add(entry);
}

/** A phone-number (or prtn) attribute, or an object attribute whose relation names a phone number. */
function isPhoneAttribute(raw: Record<string, unknown>): boolean {
  if (typeof raw.type !== 'string') return false;
  if (PHONE_TYPES.has(raw.type)) return true;
  return raw.type === 'text' && typeof raw.object_relation === 'string' && PHONE_RELATION.test(raw.object_relation);
}

function tagBrands(tags: unknown, report: (m: string) => void): string[] {
  if (tags === undefined || tags === null) return [];
  if (!Array.isArray(tags)) {
    report(`Tag must be a list, got ${describeType(tags)}`);
    return [];
  }
  const brands: string[] = [];
  for (const tag of tags) {
    const name = isObject(tag) && typeof tag.name === 'string' ? tag.name : undefined;
    const brand = name && name.length <= 200 ? BRAND_TAG.exec(name.trim())?.[1]?.trim() : undefined;
    if (brand && !brands.includes(brand)) brands.push(brand);
  }
  return brands;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
