import type { EntryVerdict, FeedFormat } from './types.ts';
import type { CollectorLimits } from './feed-collector.ts';

export interface ParseFeedOptions {
  /** Format of the input; 'auto' (default) detects it. */
  format?: FeedFormat | 'auto';
  /**
   * What the policy says the feed is (`feeds[].verdict`): the verdict of entries whose format carries none
   * (scam when absent). When given, only a `trusted` list may vouch for numbers (apply-list-verdict.ts).
   */
  verdict?: EntryVerdict;
  /** Feed name when the feed does not name itself. */
  name?: string;
  /** Region for numbers written without a country code. Default "US". */
  defaultRegion?: string;
  /** Largest input accepted, in bytes. Default 160 MB. */
  maxBytes?: number;
  /** The feed is refused once this many entries were left out and they are over a quarter of all. Default 1,000. */
  maxRejected?: number;
  /** Most distinct entries accepted; more and the feed is refused. Default 2,000,000. */
  maxEntries?: number;
}

export interface ResolvedOptions {
  verdict: EntryVerdict;
  name: string;
  defaultRegion: string;
  limits: CollectorLimits;
}

export function resolveOptions(options: ParseFeedOptions, fallbackName: string): ResolvedOptions {
  return {
    verdict: options.verdict ?? 'scam',
    name: options.name ?? fallbackName,
    defaultRegion: options.defaultRegion ?? 'US',
    limits: {
      ...(options.maxRejected !== undefined ? { maxRejected: options.maxRejected } : {}),
      ...(options.maxEntries !== undefined ? { maxEntries: options.maxEntries } : {}),
    },
  };
}
