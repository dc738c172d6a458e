// GET /feed.json, /feed.json.sig, /feed.txt, /feed.csv, /feed.misp.json: public, cacheable, readable cross-origin.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from '../server-context.ts';
import { sendRepresentation } from '../http/respond.ts';
import type { PublishedFeed } from './feed-publisher.ts';

export const FEED_PATHS: Record<string, keyof Omit<PublishedFeed, 'entries'>> = {
  '/feed.json': 'json',
  '/feed.json.sig': 'sig',
  '/feed.txt': 'txt',
  '/feed.csv': 'csv',
  '/feed.misp.json': 'misp',
};

export async function getFeedDocument(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, which: keyof Omit<PublishedFeed, 'entries'>): Promise<void> {
  const feed = await ctx.feed.current();
  ctx.metrics.feedEntries = feed.entries;
  sendRepresentation(req, res, feed[which], { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'etag, last-modified' });
}
