// Feed contracts: what parsers produce, what stores keep, what the lookup answers. Formats in DESIGN.md.
import type { FeedMatch } from '../types.ts';
import type { Note } from '../i18n/note.ts';

export type FeedFormat = 'ringfence' | 'text' | 'csv' | 'misp';
export type EntryVerdict = 'scam' | 'trusted';

/** One normalised feed entry: either an exact E.164 number or a block (prefix + digits). */
export interface FeedEntry {
  /** E.164 number ("+18047134598") for numbers; the E.164 prefix ("+1804713") for blocks. */
  key: string;
  kind: 'number' | 'block';
  /** Blocks only: how many digits follow the prefix. */
  digits?: number;
  verdict: EntryVerdict;
  brands?: string[];
  label?: string;
  firstSeen?: string;
  lastSeen?: string;
  /** ISO date after which the entry raises nothing (explicit `expires`). */
  expires?: string;
  reports?: number;
  lineType?: string;
  carrier?: string;
  source?: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  name: string;
  published?: string;
  /** Time to live in days carried by the feed itself, if any. */
  ttlDays?: number;
  /**
   * The feed says it has no entries on purpose (native `"empty": true`, a `# empty` line in text or CSV).
   * Without it a copy with no entries is a failed update (an empty 200, a maintenance page), never a swap.
   */
  empty?: boolean;
  entries: FeedEntry[];
}

export interface FeedError {
  /** 1-based line (text, CSV) or 0-based entry index (JSON formats). */
  where: string;
  message: string;
}

export interface FeedParseResult {
  feed: ParsedFeed;
  errors: FeedError[];
}

/** Book-keeping for one configured feed (what the options page and popup show). */
export interface FeedStatus {
  url: string;
  name: string;
  format?: FeedFormat;
  /** Monotonic version of the current copy; bumps on every successful swap. */
  version: number;
  etag?: string;
  lastModified?: string;
  lastSuccess?: string;
  lastAttempt?: string;
  /** What failed, in the reader's words (a catalogue key); lastError is its technical detail. */
  lastProblem?: Note;
  lastError?: string;
  entryCount: number;
  /** Fingerprint of the public key the current copy was verified with; a newly pinned key forces a full download. */
  keyFingerprint?: string;
  /** What the signed statement of the current copy said: a copy older than this is refused. */
  signed?: { published: string; sequence: number; sha256: string };
  /** Consecutive failures, for back-off. */
  failures: number;
  nextAttempt?: string;
}

/**
 * Where feeds are kept: IndexedDB in the extension and the add-in, files or memory for the CLI.
 * `replaceFeed` is atomic: readers see the old copy until the new one is complete.
 */
export interface FeedStore {
  replaceFeed(url: string, feed: ParsedFeed, meta: Partial<FeedStatus>): Promise<void>;
  updateStatus(url: string, patch: Partial<FeedStatus>): Promise<void>;
  getStatus(url: string): Promise<FeedStatus | undefined>;
  listStatus(): Promise<FeedStatus[]>;
  removeFeed(url: string): Promise<void>;
  /** Every match for each number across all feeds (exact and block), with expiry evaluated at `now`. */
  lookup(e164s: readonly string[], now: Date, ttlDays: number): Promise<Map<string, FeedMatch[]>>;
}
