// Brings one configured feed up to date: conditional GET, size cap, deadline, streamed parse, signature
// check, atomic store of only the buckets that changed. Any failure is recorded in the feed's status and
// the last good copy stays in use.
// Privacy: the only request is a GET of the configured URL (and URL.sig); nothing about mail is sent.
import type { FeedConfig, Policy } from '../types.ts';
import type { FeedStatus, FeedStore } from '../feed/types.ts';
import { unusableCopyReason } from '../feed/usable-copy.ts';
import { DEFAULT_MAX_BYTES, formatBytes } from '../feed/decode-input.ts';
import { fetchBytes, readAll, type FetchLike } from './fetch-bytes.ts';
import { fetchStream } from './fetch-stream.ts';
import { readCopy } from './read-copy.ts';
import { isCopyStore, storeCopy, type StagedCopy } from './copy-store.ts';
import { Sha256 } from './sha256-stream.ts';
import { verifyFeedSignature } from './verify-signature.ts';
import { importFeedPublicKey } from './public-key.ts';
import { isStatementFile, verifyStatement, STATEMENT_FORMAT, type StatementFreshness } from './signed-statement.ts';
import { nextRegularAttempt, nextRetryAttempt } from './backoff.ts';
import { feedProblem, feedProblemKindOf } from './feed-problem.ts';
import type { Note } from '../i18n/note.ts';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_UPDATE_INTERVAL_MINUTES = 60;
/** Buffer the body of a feed is read into, chunk after chunk. */
const READ_BUFFER_BYTES = 256 * 1024;
/** Largest detached signature accepted (DER ECDSA is ~72 bytes, base64 of it ~100). */
const MAX_SIGNATURE_BYTES = 4096;

export interface SyncOptions {
  fetch?: FetchLike;
  now: Date;
  /** Deadline for each request, headers and body included. Default 30 s. */
  timeoutMs?: number;
  /** Size cap for a feed (decoded bytes; gzip on the wire is fine). Default 160 MB. */
  maxBytes?: number;
  policy: Policy;
  /**
   * `true` ignores the schedule and back-off (the "update now" button); `'revalidate'` ignores the schedule
   * but keeps the back-off after failures (a pane that syncs on every open must not hammer a server that is down).
   */
  force?: boolean | 'revalidate';
  signal?: AbortSignal;
  /** For back-off jitter; tests pass a fixed value. */
  random?: () => number;
}

interface OutcomeBase {
  url: string;
}
export type SyncOutcome =
  | (OutcomeBase & {
      result: 'updated';
      version: number;
      entries: number;
      rejectedEntries: number;
      signed: boolean;
      /** Buckets written and buckets in the new copy, for stores that keep buckets (0 otherwise). */
      written?: number;
      buckets?: number;
    })
  | (OutcomeBase & { result: 'not-modified' })
  | (OutcomeBase & { result: 'skipped'; reason: 'not-due'; nextAttempt: string })
  | (OutcomeBase & { result: 'failed'; error: string; failures: number; nextAttempt: string });

/** Feed URL → its signature's URL: ".sig" appended to the path (query kept); a file path gets ".sig" too. */
export function signatureUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${url}.sig`;
  }
  parsed.pathname += '.sig';
  return parsed.href;
}

export async function syncFeed(config: FeedConfig, store: FeedStore, options: SyncOptions): Promise<SyncOutcome> {
  const { url } = config;
  const now = options.now;
  const interval = options.policy.updateIntervalMinutes ?? DEFAULT_UPDATE_INTERVAL_MINUTES;
  const status = await store.getStatus(url);
  const backingOff = (status?.failures ?? 0) > 0;
  const honourSchedule = !options.force || (options.force === 'revalidate' && backingOff);
  if (honourSchedule && status?.nextAttempt && Date.parse(status.nextAttempt) > now.getTime()) {
    return { url, result: 'skipped', reason: 'not-due', nextAttempt: status.nextAttempt };
  }

  const fail = async (problem: Note): Promise<SyncOutcome> => {
    const error = problem.detail ?? '';
    const failures = (status?.failures ?? 0) + 1;
    const nextAttempt = nextRetryAttempt(now, failures, interval, options.random).toISOString();
    await store.updateStatus(url, { lastAttempt: now.toISOString(), lastError: error, lastProblem: problem, failures, nextAttempt });
    return { url, result: 'failed', error, failures, nextAttempt };
  };

  // A copy staged in the store while it is read; deleted unless it became the feed's copy.
  let staged: StagedCopy | undefined;
  let stored: Awaited<ReturnType<typeof storeCopy>> | undefined;
  try {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // A copy counts for a conditional GET only if it was checked with the key pinned now.
    const fingerprint = config.publicKey ? await keyFingerprint(config.publicKey) : undefined;
    const haveCopy = (status?.version ?? 0) > 0 && status?.keyFingerprint === fingerprint;
    const headers: Record<string, string> = { accept: 'application/json, text/csv, text/plain;q=0.9, */*;q=0.5' };
    if (haveCopy && status?.etag) headers['if-none-match'] = status.etag;
    if (haveCopy && status?.lastModified) headers['if-modified-since'] = status.lastModified;

    // A plain detached signature can only be checked over the whole body, so then the bytes are held;
    // otherwise they are read into one reused buffer: the copy is read as they arrive and none is kept.
    const detached = Boolean(config.publicKey) && config.signature === 'detached';
    const reuseBytes = detached ? undefined : READ_BUFFER_BYTES;
    const response = await fetchStream(url, { fetch: options.fetch, timeoutMs, maxBytes, headers, signal: options.signal, ...(reuseBytes ? { reuseBytes } : {}) });
    if (response.status === 304 && haveCopy) {
      await store.updateStatus(url, success(now, interval));
      return { url, result: 'not-modified' };
    }
    if (response.status < 200 || response.status > 299) return fail(feedProblem('server', `HTTP ${response.status} from ${url}`));

    // The copy is read as it arrives into compact rows (read-copy.ts); nothing is stored before the
    // signature is checked over the exact bytes (held whole for a detached one, the text still streamed from them).
    let body: AsyncIterable<Uint8Array> = response.chunks;
    let bytes: Uint8Array | undefined;
    let hash: Sha256 | undefined;
    if (detached) {
      bytes = await readAll(response.chunks);
      body = once(bytes);
    } else if (config.publicKey) {
      hash = new Sha256();
      body = hashed(response.chunks, hash);
    }
    if (isCopyStore(store) && store.stageCopy) staged = await store.stageCopy(url);
    const copy = await readCopy(body, {
      format: config.format ?? 'auto',
      verdict: config.verdict ?? 'scam',
      ...(config.name ? { name: config.name } : {}),
      defaultRegion: options.policy.defaultRegion ?? 'US',
      maxBytes: Number.POSITIVE_INFINITY, // the bytes were held to the cap as they arrived
      ...(staged ? { rows: staged.rows } : {}),
    });
    if (staged) copy.stagedCopy = staged.id;

    let signed = false;
    let statement: StatementFreshness | undefined;
    if (config.publicKey) {
      // The freshness of the copy in use counts only if that copy was checked with the key pinned now.
      const held = status?.keyFingerprint === fingerprint ? status?.signed : undefined;
      const checked = await checkSignature(config, bytes ?? { sha256: hash!.hex() }, held, { ...options, timeoutMs });
      if ('problem' in checked) return fail(feedProblem(checked.badKey ? 'key' : 'signature', checked.problem));
      statement = checked.statement;
      signed = true;
    }
    bytes = undefined;

    const entryRows = copy.numbers.size + copy.blocks.size;
    const unusable = unusableCopyReason({ entries: { length: entryRows }, ...(copy.empty ? { empty: true } : {}) }, copy.errors);
    if (unusable) return fail(feedProblem('empty', unusable));

    const meta: Partial<FeedStatus> = { ...success(now, interval), etag: response.headers.get('etag') ?? undefined, keyFingerprint: fingerprint };
    meta.signed = statement && { published: statement.published, sequence: statement.sequence, sha256: statement.sha256 };
    meta.lastModified = response.headers.get('last-modified') ?? undefined;
    stored = await storeCopy(store, url, copy, meta);
    const version = (await store.getStatus(url))?.version ?? 0;
    return { url, result: 'updated', version, entries: stored.entries, rejectedEntries: copy.errors.length, signed, written: stored.written, buckets: stored.buckets };
  } catch (error) {
    return fail(feedProblem(feedProblemKindOf(error), describe(error, options.maxBytes ?? DEFAULT_MAX_BYTES)));
  } finally {
    if (staged && !stored) await staged.discard().catch(() => {});
  }
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array, void, void> {
  yield bytes;
}

async function* hashed(chunks: AsyncIterable<Uint8Array>, hash: Sha256): AsyncGenerator<Uint8Array, void, void> {
  for await (const chunk of chunks) {
    hash.update(chunk);
    yield chunk;
  }
}

async function keyFingerprint(publicKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(publicKey.trim()));
  return [...new Uint8Array(digest).subarray(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function success(now: Date, interval: number): Partial<FeedStatus> {
  return {
    lastAttempt: now.toISOString(),
    lastSuccess: now.toISOString(),
    lastError: undefined,
    lastProblem: undefined,
    failures: 0,
    nextAttempt: nextRegularAttempt(now, interval).toISOString(),
  };
}

/**
 * Checks URL.sig: a signed statement (bound to the URL, `published` and a sequence that may not go back),
 * or, where the policy allows it (`signature: "detached"`), a plain signature of the bytes.
 */
async function checkSignature(
  config: FeedConfig,
  body: Uint8Array | { sha256: string },
  held: StatementFreshness | undefined,
  options: SyncOptions & { timeoutMs: number },
): Promise<{ problem: string; badKey?: true } | { statement?: StatementFreshness }> {
  let key;
  try {
    key = await importFeedPublicKey(config.publicKey!);
  } catch (error) {
    return { problem: `pinned ${(error as Error).message}`, badKey: true };
  }
  const sigUrl = signatureUrl(config.url);
  let sig;
  try {
    sig = await fetchBytes(sigUrl, { fetch: options.fetch, timeoutMs: options.timeoutMs, maxBytes: MAX_SIGNATURE_BYTES, signal: options.signal });
  } catch (error) {
    return { problem: `signature ${sigUrl}: ${(error as Error).message}; copy rejected` };
  }
  if (sig.status === 404) return { problem: `unsigned: no signature at ${sigUrl} but policy pins a public key; copy rejected` };
  if (sig.status !== 200) return { problem: `signature ${sigUrl}: HTTP ${sig.status}; copy rejected` };
  if (isStatementFile(sig.bytes)) {
    const checked = await verifyStatement(body, sig.bytes, key, { url: config.url, ...(held ? { held } : {}) });
    return checked.ok ? { statement: checked.statement } : { problem: `bad signature: ${checked.reason} (${sigUrl}); copy rejected` };
  }
  if (config.signature !== 'detached') {
    return {
      problem:
        `bad signature: ${sigUrl} is a plain signature (not a JSON statement), not bound to the feed's URL and freshness; the policy needs a ` +
        `${STATEMENT_FORMAT} statement (or feeds[].signature: "detached"); copy rejected`,
    };
  }
  if (!(body instanceof Uint8Array)) return { problem: `bad signature: ${sigUrl} is a plain signature; the feed was not held for it; copy rejected` };
  const ok = await verifyFeedSignature(body, sig.bytes, key).catch(() => false);
  return ok ? {} : { problem: `bad signature: ${sigUrl} does not verify with the pinned ${key.algorithm} key; copy rejected` };
}

function describe(error: unknown, maxBytes: number): string {
  const err = error as { name?: string; message?: string; kind?: string; failure?: string };
  if (err?.name === 'FeedParseError') return `feed unreadable: ${err.message}`;
  if (err?.kind === 'too-large') return `feed ${err.message}; the cap is ${formatBytes(maxBytes)}`;
  return err?.message ?? String(error);
}
