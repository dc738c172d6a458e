// Reads a feed copy from its bytes as they arrive into bucket rows (bucket-rows.ts). A native document is
// streamed: decoded chunk by chunk, each entry parsed, checked and turned into a row as soon as its text is
// complete, so neither the document nor a million parsed entries are ever held. Other formats (text, CSV,
// MISP, UTF-16, a native document that cannot be streamed) are read whole by parseFeedAsync as before.
import type { EntryVerdict, FeedEntry, FeedError, FeedFormat } from '../feed/types.ts';
import type { ParseFeedOptions } from '../feed/parse-options.ts';
import { parseFeedAsync } from '../feed/parse-feed.ts';
import { FeedCollector, DEFAULT_MAX_ENTRIES } from '../feed/feed-collector.ts';
import { FeedParseError } from '../feed/feed-parse-error.ts';
import { NativeStream } from '../feed/native-stream.ts';
import { NATIVE_FORMAT, readNativeMembers } from '../feed/parse-native.ts';
import { readEntry } from '../feed/read-entry.ts';
import { preview } from '../feed/entry-fields.ts';
import { macrotask } from '../feed/steps.ts';
import { BucketRows, type CopyRows } from './bucket-rows.ts';
import { Utf8StreamDecoder } from './utf8-text.ts';
import { joinBytes } from './join-bytes.ts';

export interface ReadCopy {
  format: FeedFormat;
  name: string;
  published?: string;
  ttlDays?: number;
  empty?: boolean;
  numbers: CopyRows;
  blocks: CopyRows;
  /** Distinct lengths of block prefixes, ascending. */
  blockPrefixLengths: number[];
  errors: FeedError[];
  /** Whether the copy was streamed (native) or read whole. */
  streamed: boolean;
  /** The store's staged copy holding the rows (copy-store.ts StagedCopy), if they were staged. */
  stagedCopy?: number;
}

export interface ReadCopyOptions extends ParseFeedOptions {
  /** Longest stretch of work before other tasks get a turn, in ms. Default 8. */
  sliceMs?: number;
  /** Where the rows of each kind go; default: held in memory (BucketRows). */
  rows?: (kind: 'numbers' | 'blocks') => CopyRows;
}

const DEFAULT_NAMES: Record<FeedFormat, string> = { ringfence: 'Ringfence feed', text: 'Text feed', csv: 'CSV feed', misp: 'MISP feed' };
/** Bytes handed to the decoder at once when the caller gives one big buffer. */
const PIECE = 64 * 1024;

export async function readCopy(chunks: AsyncIterable<Uint8Array>, options: ReadCopyOptions = {}): Promise<ReadCopy> {
  const sliceMs = options.sliceMs ?? 8;
  const listVerdict = options.verdict;
  const defaults = { verdict: listVerdict ?? 'scam', defaultRegion: options.defaultRegion ?? 'US' } as const;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const collector = new FeedCollector({
    ...(options.maxRejected !== undefined ? { maxRejected: options.maxRejected } : {}),
    maxEntries,
  });
  const copy: ReadCopy = {
    format: 'ringfence',
    name: options.name ?? DEFAULT_NAMES.ringfence,
    numbers: options.rows?.('numbers') ?? new BucketRows(),
    blocks: options.rows?.('blocks') ?? new BucketRows(),
    blockPrefixLengths: [],
    errors: [],
    streamed: true,
  };
  const settle = async (): Promise<void> => {
    await copy.numbers.settle();
    await copy.blocks.settle();
  };
  const prefixLengths = new Set<number>();
  const add = (entry: FeedEntry): void => {
    if (entry.kind === 'block') {
      copy.blocks.add(entry);
      prefixLengths.add(entry.key.length);
    } else copy.numbers.add(entry);
  };
  const accept = (entry: FeedEntry, where: string): void => {
    if (!mayTrust(entry, listVerdict)) {
      collector.error(where, entry.kind === 'block'
        ? 'a block cannot be trusted: only exact numbers from a trusted list are'
        : 'trusted entries count only in a feed the policy marks as a trusted list (feeds[].verdict: "trusted")');
      return;
    }
    // Counted before merging duplicates: a copy is refused once it holds more rows than the cap.
    if (copy.numbers.size + copy.blocks.size >= maxEntries) {
      throw new FeedParseError('too-many-entries', `feed holds more than ${maxEntries.toLocaleString('en-US')} entries; refused`);
    }
    add(entry);
  };
  const stream = new NativeStream((json, index) => {
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch (error) {
      throw new FeedParseError('syntax', `feed is not valid JSON: ${(error as Error).message} (entry ${index})`);
    }
    const where = `entry ${index}`;
    const entry = readEntry(raw, defaults, (message) => collector.error(where, message));
    if (!entry) return collector.rejected();
    collector.counted();
    accept(entry, `${where} (${entry.key})`);
  });

  // Bytes are kept only until the document is known to stream (a fallback needs them all).
  let held: Uint8Array[] | undefined = [];
  let decoder: Utf8StreamDecoder | undefined;
  let started = false;
  let decided = false;
  let whole = options.format === 'text' || options.format === 'csv' || options.format === 'misp';
  let sliceStart = performance.now();
  let consumed = 0;
  for await (const chunk of chunks) {
    for (let at = 0; at < chunk.length; at += PIECE) {
      const piece = chunk.length <= PIECE ? chunk : chunk.subarray(at, at + PIECE);
      // A copy: the caller may reuse the chunk's buffer for the next one.
      if (held) held.push(piece.slice());
      if (!whole) {
        if (!decoder) {
          // UTF-16 (a byte order mark) is read whole.
          if ((piece[0] === 0xff && piece[1] === 0xfe) || (piece[0] === 0xfe && piece[1] === 0xff)) whole = true;
          else decoder = new Utf8StreamDecoder();
        }
        if (decoder) {
          let text: string;
          try {
            text = decoder.decode(piece, { stream: true });
            // A byte order mark is dropped, as TextDecoder drops it.
            if (!started && text.length > 0) {
              started = true;
              if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
            }
          } catch {
            if (!stream.entriesStarted) whole = true;
            else throw new FeedParseError('not-text', `a native feed must be UTF-8; invalid UTF-8 near byte ${consumed}; refused`);
            text = '';
          }
          if (!whole) {
            if (text.includes('\u0000')) throw new FeedParseError('not-text', 'feed holds NUL bytes: binary data, not a feed');
            if (!decided) {
              const first = text.search(/\S/);
              if (first >= 0) {
                decided = true;
                if (text[first] !== '{') whole = true;
              }
            }
            if (!whole) {
              stream.push(text);
              if (!stream.streamable) whole = true;
              else if (stream.entriesStarted) held = undefined;
            }
          }
        }
      }
      consumed += piece.length;
      await settle();
      if (performance.now() - sliceStart >= sliceMs) {
        await macrotask();
        sliceStart = performance.now();
      }
    }
  }

  if (!whole && decoder) {
    try {
      stream.push(decoder.decode(new Uint8Array(0)));
    } catch {
      whole = !stream.entriesStarted;
      if (!whole) throw new FeedParseError('not-text', 'a native feed must be UTF-8; it ends inside a character; refused');
    }
    if (!whole) stream.end();
    if (!stream.streamable) whole = true;
  }
  if (whole || !decoder) {
    const bytes = joinBytes(held ?? []);
    held = undefined;
    const read = await readWhole(bytes, options, copy, add, settle);
    read.blockPrefixLengths = [...prefixLengths].sort((a, b) => a - b);
    return read;
  }

  const field = (key: string): unknown => {
    const text = stream.members.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  };
  const format = field('format');
  if (format !== undefined && format !== NATIVE_FORMAT) {
    throw new FeedParseError('unsupported-version', `unsupported feed format ${preview(format)}; expected "${NATIVE_FORMAT}"`);
  }
  readNativeMembers(copy, field, stream.items, (message) => collector.error('feed', message));
  copy.errors = collector.result().errors;
  copy.blockPrefixLengths = [...prefixLengths].sort((a, b) => a - b);
  return copy;
}

/** Any format, parsed whole by the parsers every surface uses (list verdict applied there); its entries become rows. */
async function readWhole(
  bytes: Uint8Array,
  options: ReadCopyOptions,
  copy: ReadCopy,
  add: (entry: FeedEntry) => void,
  settle: () => Promise<void>,
): Promise<ReadCopy> {
  const { sliceMs, rows: _rows, ...parseOptions } = options;
  const { feed, errors } = await parseFeedAsync(bytes, parseOptions, sliceMs !== undefined ? { sliceMs } : {});
  let sliceStart = performance.now();
  for (const entry of feed.entries) {
    add(entry);
    if (performance.now() - sliceStart >= (sliceMs ?? 8)) {
      await settle();
      await macrotask();
      sliceStart = performance.now();
    }
  }
  copy.format = feed.format;
  copy.name = feed.name;
  if (feed.published !== undefined) copy.published = feed.published;
  if (feed.ttlDays !== undefined) copy.ttlDays = feed.ttlDays;
  if (feed.empty) copy.empty = true;
  copy.errors = errors;
  copy.streamed = false;
  return copy;
}

function mayTrust(entry: { verdict: EntryVerdict; kind: 'number' | 'block' }, listVerdict: EntryVerdict | undefined): boolean {
  if (entry.verdict !== 'trusted' || listVerdict === undefined) return true;
  return listVerdict === 'trusted' && entry.kind === 'number';
}
