// Builds the published feed documents and keeps them until the store changes. Bytes depend only on the
// store (published = the latest decision or report they reflect), so every instance serves the same ETag.
// The signature is a ringfence-feed-sig/1 statement (shared/feed-sync/signed-statement.ts) binding the feed's
// URL, its publication time, a sequence that only grows (published, in ms) and the SHA-256 of the bytes.
import { createHash } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { FeedEntry } from '../../shared/feed/types.ts';
import { gzipRepresentation, type Representation } from '../http/respond.ts';
import { confirmedEntries } from './confirmed-entries.ts';
import { csvFeed, mispEvent, nativeFeedText, textFeed } from './feed-documents.ts';
import type { SigningKey } from './signing-key.ts';
import { signStatement } from '../../shared/feed-sync/signed-statement.ts';

export interface PublishedFeed {
  entries: number;
  published: Date;
  json: Representation;
  /** The signed statement for the feed as served at `feedUrl`. */
  sig(feedUrl: string): Promise<Representation>;
  txt: Representation;
  csv: Representation;
  misp: Representation;
}

export interface FeedPublisher {
  current(): Promise<PublishedFeed>;
  /** A decision was recorded here: the next request rebuilds at once. */
  invalidate(): void;
}

interface Fingerprint {
  decisions: number;
  reports: number;
}

export function feedPublisher(db: Database, key: SigningKey, options: { name: string; ttlDays: number; reportLagMs?: number }): FeedPublisher {
  const reportLagMs = options.reportLagMs ?? 10_000;
  let cached: { fingerprint: Fingerprint; builtAt: number; feed: PublishedFeed } | undefined;
  let building: Promise<PublishedFeed> | undefined;
  let forced = false;

  const fresh = (now: Fingerprint): boolean => {
    if (!cached || forced) return false;
    if (now.decisions !== cached.fingerprint.decisions) return false;
    // New reports only move lastSeen and counts: rebuilt at most every reportLagMs.
    return now.reports === cached.fingerprint.reports || Date.now() - cached.builtAt < reportLagMs;
  };

  return {
    async current() {
      const rows = await db.query<{ decisions: number; reports: number } & Record<string, unknown>>(
        'SELECT (SELECT coalesce(max(id), 0) FROM decisions)::int8 AS decisions, (SELECT coalesce(max(seq), 0) FROM reports)::int8 AS reports',
      );
      const fingerprint = { decisions: Number(rows[0]!.decisions), reports: Number(rows[0]!.reports) };
      if (fresh(fingerprint)) return cached!.feed;
      building ??= (async () => {
        forced = false;
        const [entries, last] = await Promise.all([
          confirmedEntries(db),
          db.query<{ at: string | null } & Record<string, unknown>>('SELECT max(decided_at) AS at FROM decisions'),
        ]);
        const feed = await buildFeed(entries, publishedOf(entries, last[0]?.at ?? null), key, options);
        cached = { fingerprint, builtAt: Date.now(), feed };
        return feed;
      })().finally(() => (building = undefined));
      return building;
    },
    invalidate() {
      forced = true;
    },
  };
}

export async function buildFeed(entries: readonly FeedEntry[], published: Date, key: SigningKey, options: { name: string; ttlDays: number }): Promise<PublishedFeed> {
  const json = Buffer.from(nativeFeedText(options.name, entries, published, options.ttlDays));
  const lastModified = published.toUTCString();
  const rep = (bytes: Buffer, contentType: string): Representation =>
    gzipRepresentation({ bytes, contentType, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`, lastModified });
  const statements = new Map<string, Promise<Representation>>();
  return {
    entries: entries.length,
    published,
    json: rep(json, 'application/json; charset=utf-8'),
    sig(feedUrl) {
      let statement = statements.get(feedUrl);
      if (!statement) {
        if (statements.size >= 8) statements.delete(statements.keys().next().value!);
        statement = signStatement(json, { url: feedUrl, published, sequence: published.getTime() }, key.privateKey).then((text) =>
          rep(Buffer.from(text), 'application/json; charset=utf-8'),
        );
        statements.set(feedUrl, statement);
      }
      return statement;
    },
    txt: rep(Buffer.from(textFeed(options.name, entries, published)), 'text/plain; charset=utf-8'),
    csv: rep(Buffer.from(csvFeed(entries)), 'text/csv; charset=utf-8'),
    misp: rep(Buffer.from(JSON.stringify(mispEvent(options.name, entries, published), null, 1)), 'application/json; charset=utf-8'),
  };
}

function publishedOf(entries: readonly FeedEntry[], lastDecision: string | null): Date {
  let latest = lastDecision ? Date.parse(lastDecision) : 0;
  for (const e of entries) if (e.lastSeen) latest = Math.max(latest, Date.parse(e.lastSeen));
  return new Date(latest);
}
