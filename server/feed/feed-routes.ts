// GET /feed.json, /feed.json.sig, /feed.txt, /feed.csv, /feed.misp.json: public, revalidated by ETag, readable cross-origin.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from '../server-context.ts';
import { sendRepresentation } from '../http/respond.ts';
import type { PublishedFeed } from './feed-publisher.ts';

type Document = 'json' | 'sig' | 'txt' | 'csv' | 'misp';

export const FEED_PATHS: Record<string, Document> = {
  '/feed.json': 'json',
  '/feed.json.sig': 'sig',
  '/feed.txt': 'txt',
  '/feed.csv': 'csv',
  '/feed.misp.json': 'misp',
};

export async function getFeedDocument(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, which: Document): Promise<void> {
  const feed: PublishedFeed = await ctx.feed.current();
  ctx.metrics.feedEntries = feed.entries;
  const rep = which === 'sig' ? await feed.sig(feedUrl(ctx, req)) : feed[which];
  sendRepresentation(req, res, rep, FEED_HEADERS);
}

/**
 * Feed documents are revalidated by ETag (clients keep it themselves and send If-None-Match), never served
 * from an HTTP cache, so `no-store`: Chromium then hands the body to the extension as it reads it, instead of
 * buffering it in the extension's process as fast as it arrives (tens of megabytes for a million entries).
 */
export const FEED_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'etag, last-modified',
  'cache-control': 'no-store',
};

/** The URL clients fetch the feed from, which the statement names: the configured public URL, else this request's. */
export function feedUrl(ctx: ServerContext, req: IncomingMessage): string {
  if (ctx.config.publicUrl) return `${ctx.config.publicUrl.replace(/\/+$/, '')}/feed.json`;
  const forwarded = ctx.config.trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim() : '';
  const proto = forwarded === 'https' || forwarded === 'http' ? forwarded : 'http';
  return `${proto}://${req.headers.host ?? `${ctx.config.host}:${ctx.config.port}`}/feed.json`;
}
