import type { FeedFormat, FeedParseResult } from './types.ts';
import type { ParseFeedOptions } from './parse-options.ts';
import { resolveOptions } from './parse-options.ts';
import { decodeInput } from './decode-input.ts';
import { FeedParseError } from './feed-parse-error.ts';
import { parseJson } from './parse-json.ts';
import { detectJsonFormat, detectTextFormat } from './detect-format.ts';
import { parseNative, isNativeDocument, type NativeSource } from './parse-native.ts';
import { objectMembers } from './json-members.ts';
import { parseText } from './parse-text.ts';
import { parseCsv } from './parse-csv.ts';
import { parseMisp } from './parse-misp.ts';
import { applyListVerdict } from './apply-list-verdict.ts';
import { runSteps, runStepsAsync, type PaceOptions, type Steps } from './steps.ts';

const DEFAULT_NAMES: Record<FeedFormat, string> = {
  ringfence: 'Ringfence feed',
  text: 'Text feed',
  csv: 'CSV feed',
  misp: 'MISP feed',
};

/**
 * Reads a feed in any supported format (detected unless `options.format` says) into normalised entries.
 * Bad entries become `errors` (by line or entry) and are left out; a feed that cannot be read at all
 * (over the size cap, not JSON, unknown shape) throws FeedParseError so the caller keeps its last good copy.
 */
export function parseFeed(input: string | Uint8Array, options: ParseFeedOptions = {}): FeedParseResult {
  const result = runSteps(parseAnyFormat(input, options));
  // Given a verdict, the feed is read as the policy configures it: trust only from a trusted list.
  return options.verdict === undefined ? result : applyListVerdict(result, options.verdict);
}

/**
 * parseFeed that gives the event loop back every few milliseconds (`pace`), so a service worker or a task
 * pane keeps answering while a big feed is read. Same result, same errors.
 */
export async function parseFeedAsync(input: string | Uint8Array, options: ParseFeedOptions = {}, pace?: PaceOptions): Promise<FeedParseResult> {
  const result = await runStepsAsync(parseAnyFormat(input, options), pace);
  return options.verdict === undefined ? result : applyListVerdict(result, options.verdict);
}

function* parseAnyFormat(input: string | Uint8Array, options: ParseFeedOptions): Steps<FeedParseResult> {
  const text = decodeInput(input, options.maxBytes);
  const requested = options.format ?? 'auto';
  const kind = requested === 'auto' ? detectTextFormat(text) : requested === 'text' || requested === 'csv' ? requested : 'json';

  if (kind === 'text') return yield* parseText(text, resolveOptions(options, DEFAULT_NAMES.text));
  if (kind === 'csv') return yield* parseCsv(text, resolveOptions(options, DEFAULT_NAMES.csv));

  yield;
  if (requested !== 'misp') {
    // A native feed is read member by member, never as one parsed document (see parse-native.ts).
    const source: NativeSource = text.trimStart().startsWith('{') ? objectMembers(text, 'entries') : undefined;
    yield;
    if (requested === 'ringfence' || isNativeDocument(source)) {
      return yield* parseNative(source, resolveOptions(options, DEFAULT_NAMES.ringfence));
    }
  }
  const document = parseJson(text);
  yield;
  const format = requested === 'auto' ? detectJsonFormat(document) : requested;
  if (format === 'misp') return yield* parseMisp(document, resolveOptions(options, DEFAULT_NAMES.misp));
  throw new FeedParseError(
    'unknown-format',
    'JSON feed is neither a ringfence-feed/1 document nor MISP (an event or a restSearch export)',
  );
}
