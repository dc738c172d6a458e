import type { EntryVerdict, FeedFormat } from './types.ts';

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
  /** Largest input accepted, in bytes. Default 50 MB. */
  maxBytes?: number;
}

export interface ResolvedOptions {
  verdict: EntryVerdict;
  name: string;
  defaultRegion: string;
}

export function resolveOptions(options: ParseFeedOptions, fallbackName: string): ResolvedOptions {
  return {
    verdict: options.verdict ?? 'scam',
    name: options.name ?? fallbackName,
    defaultRegion: options.defaultRegion ?? 'US',
  };
}
