import { readFile, rename, writeFile } from 'node:fs/promises';
import { parseArgs, UsageError } from '../args.ts';
import { loadFeedSource, FeedSourceError, readCapped } from '../load-feed.ts';
import {
  parseFeed, countEntries, DEFAULT_MAX_BYTES, mergeFeedEntries, toNativeFeed, serializeNativeFeed,
  FeedParseError, NATIVE_FORMAT,
  type EntryVerdict, type FeedEntry, type FeedFormat, type FeedParseResult, type FeedValidation, type ParseFeedOptions,
} from '../../shared/feed/index.ts';
import { campaignFeedEntries } from '../../shared/cluster/index.ts';
import { unusableCopyReason } from '../../shared/feed/usable-copy.ts';
import { sign } from './feed-sign.ts';
import { escapeJsonText, printErr, printOut, terminalJson, terminalLine } from '../terminal-text.ts';

const FORMATS = ['ringfence', 'text', 'csv', 'misp', 'auto'];
const SHOWN_ERRORS = 20;

/** `ringfence feed validate FILE`, `ringfence feed build [...]` and `ringfence feed sign [...]`. */
export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'validate') return validate(rest);
  if (sub === 'build') return build(rest);
  if (sub === 'sign') return sign(rest);
  throw new UsageError(sub ? `unknown feed command "${sub}"` : 'feed needs a command: validate, build or sign');
}

const PARSE_OPTIONS = ['format', 'verdict', 'region'];

function parseOptions(options: Map<string, string[]>): ParseFeedOptions {
  const format = options.get('format')?.[0];
  if (format && !FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const verdict = options.get('verdict')?.[0];
  if (verdict && verdict !== 'scam' && verdict !== 'trusted') throw new UsageError('--verdict must be scam or trusted');
  const result: ParseFeedOptions = {};
  if (format) result.format = format as FeedFormat | 'auto';
  if (verdict) result.verdict = verdict as EntryVerdict;
  const region = options.get('region')?.[0];
  if (region) result.defaultRegion = region;
  return result;
}

/** `feed validate FILE_OR_URL [--format F] [--verdict V] [--region R] [--json]`: exit 0 valid, 1 errors. */
async function validate(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { flags: ['json'], options: PARSE_OPTIONS });
  if (parsed.positionals.length !== 1) throw new UsageError('feed validate needs exactly one FILE');
  const source = parsed.positionals[0]!;
  let validation: FeedValidation;
  try {
    const result = await loadFeedSource(source, parseOptions(parsed.options));
    // A copy with no entries is one clients would refuse, unless it says it is empty on purpose.
    const unusable = unusableCopyReason(result.feed, result.errors);
    const errors = unusable && result.errors.length === 0 ? [{ where: 'feed', message: unusable }] : result.errors;
    validation = { ok: errors.length === 0, format: result.feed.format, name: result.feed.name, counts: countEntries(result.feed), errors };
  } catch (error) {
    if (!(error instanceof FeedParseError) && !(error instanceof FeedSourceError)) throw error;
    validation = { ok: false, counts: countEntries({ entries: [] }), errors: [], fatal: (error as Error).message };
  }
  printOut(parsed.flags.has('json') ? terminalJson({ file: source, ...validation }) : validationText(source, validation));
  return validation.ok ? 0 : 1;
}

export function validationText(source: string, v: FeedValidation): string {
  const file = terminalLine(source);
  if (v.fatal) return `${file}: refused: ${terminalLine(v.fatal)}`;
  const { counts } = v;
  const lines = [
    `${file}: ${v.format === 'ringfence' ? NATIVE_FORMAT : terminalLine(v.format ?? '')} feed "${terminalLine(v.name ?? '')}"`,
    `  ${counts.entries} entries: ${counts.numbers} numbers, ${counts.blocks} blocks (${counts.scam} scam, ${counts.trusted} trusted)`,
  ];
  if (v.errors.length === 0) lines.push('  no errors');
  else {
    lines.push(`  ${v.errors.length} error${v.errors.length === 1 ? '' : 's'}${v.errors.length > SHOWN_ERRORS ? ` (first ${SHOWN_ERRORS} shown)` : ''}:`);
    for (const error of v.errors.slice(0, SHOWN_ERRORS)) lines.push(`  ${terminalLine(error.where)}: ${terminalLine(error.message)}`);
  }
  return lines.join('\n');
}

/**
 * `feed build [--from-cluster FILE]... [--name N] [--out FILE] [--published DATE] [--ttl-days N]
 * [--source TEXT] [--format F] [--verdict V] [--region R] [INPUT...]`: any inputs → one native feed.
 */
async function build(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { flags: [], options: [...PARSE_OPTIONS, 'from-cluster', 'name', 'out', 'published', 'ttl-days', 'source'] });
  const clusters = parsed.options.get('from-cluster') ?? [];
  if (clusters.length === 0 && parsed.positionals.length === 0) throw new UsageError('feed build needs --from-cluster FILE or INPUT files');
  const published = parsed.options.get('published')?.[0];
  const publishedAt = published ? new Date(published) : new Date();
  if (Number.isNaN(publishedAt.getTime())) throw new UsageError('--published must be a date');
  const ttlText = parsed.options.get('ttl-days')?.[0];
  const ttlDays = ttlText === undefined ? undefined : Number(ttlText);
  if (ttlDays !== undefined && !(ttlDays > 0 && ttlDays <= 3650)) throw new UsageError('--ttl-days must be a number of days from 1 to 3650');
  const options = parseOptions(parsed.options);

  const results: { source: string; result: FeedParseResult }[] = [];
  try {
    for (const input of parsed.positionals) results.push({ source: input, result: await loadFeedSource(input, options) });
    for (const file of clusters) results.push({ source: file, result: await readCluster(file, options) });
  } catch (error) {
    printErr(`ringfence feed build: ${terminalLine((error as Error).message)}; nothing written`);
    return 1;
  }
  for (const { source, result } of results) {
    const file = terminalLine(source);
    for (const error of result.errors.slice(0, SHOWN_ERRORS)) printErr(`${file}: ${terminalLine(error.where)}: ${terminalLine(error.message)} (left out)`);
    if (result.errors.length > SHOWN_ERRORS) printErr(`${file}: ${result.errors.length - SHOWN_ERRORS} more errors`);
  }

  const source = parsed.options.get('source')?.[0];
  const entries: FeedEntry[] = mergeFeedEntries(results.map((r) => r.result.feed)).map((e) => (source && !e.source ? { ...e, source } : e));
  const name = parsed.options.get('name')?.[0] ?? (results.length === 1 ? results[0]!.result.feed.name : 'Ringfence feed');
  const native = toNativeFeed({ name, entries, ...(ttlDays ? { ttlDays } : {}) }, publishedAt);
  const text = serializeNativeFeed(native);
  const out = parsed.options.get('out')?.[0];
  if (out) {
    const temporary = `${out}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, out);
    const counts = countEntries({ entries });
    printErr(`${terminalLine(out)}: ${counts.entries} entries (${counts.numbers} numbers, ${counts.blocks} blocks)`);
  } else {
    process.stdout.write(escapeJsonText(text));
  }
  return 0;
}

async function readCluster(file: string, options: ParseFeedOptions): Promise<FeedParseResult> {
  const text = await (file === '-' ? readCapped(process.stdin, 'on standard input', DEFAULT_MAX_BYTES).then((b) => Buffer.from(b).toString('utf8')) : readFile(file, 'utf8')).catch((error: Error) => {
    throw new Error(`cannot read cluster output ${file}: ${error.message}`);
  });
  if (text.length > DEFAULT_MAX_BYTES) throw new Error(`cluster output ${file} is larger than the feed cap`);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`cluster output ${file} is not JSON: ${(error as Error).message}`);
  }
  const entries = campaignFeedEntries(document);
  return parseFeed(JSON.stringify({ format: NATIVE_FORMAT, name: 'Campaigns', entries }), { ...options, format: 'ringfence' });
}

