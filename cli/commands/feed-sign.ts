// `ringfence feed sign`: writes FILE.sig, the ringfence-feed-sig/1 statement clients check when the policy
// pins the matching public key (shared/feed-sync/signed-statement.ts).
import { readFile, rename, writeFile } from 'node:fs/promises';
import { parseArgs, UsageError } from '../args.ts';
import { parseFeed, FeedParseError, DEFAULT_MAX_BYTES } from '../../shared/feed/index.ts';
import { unusableCopyReason } from '../../shared/feed/usable-copy.ts';
import { signStatement } from '../../shared/feed-sync/signed-statement.ts';
import { importFeedPrivateKey } from '../../shared/feed-sync/private-key.ts';
import { printErr } from '../terminal-text.ts';

/**
 * `feed sign --key KEY --url URL [--sequence N] [--published DATE] [--out SIG] FILE`. `published` defaults to
 * the native feed's own, else now; `sequence` to the Unix seconds of `published` (so it grows with every copy).
 */
export async function sign(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { flags: [], options: ['key', 'url', 'sequence', 'published', 'out'] });
  if (parsed.positionals.length !== 1) throw new UsageError('feed sign needs exactly one FILE');
  const file = parsed.positionals[0]!;
  const keyFile = parsed.options.get('key')?.[0];
  const url = parsed.options.get('url')?.[0];
  if (!keyFile || !url) throw new UsageError('feed sign needs --key PRIVATE_KEY_FILE and --url URL (the address clients fetch the feed from)');
  const sequenceText = parsed.options.get('sequence')?.[0];
  if (sequenceText !== undefined && !/^\d{1,15}$/.test(sequenceText)) throw new UsageError('--sequence must be a whole number');

  const body = new Uint8Array(await readFile(file));
  if (body.length > DEFAULT_MAX_BYTES) throw new Error(`${file} is larger than the feed cap; clients would refuse it`);
  let feedPublished: string | undefined;
  try {
    const { feed, errors } = parseFeed(body);
    const unusable = unusableCopyReason(feed, errors);
    if (unusable) throw new Error(`${file}: ${unusable}; not signed`);
    feedPublished = feed.published;
  } catch (error) {
    if (error instanceof FeedParseError) throw new Error(`${file}: ${error.message}; not signed`);
    throw error;
  }
  const publishedText = parsed.options.get('published')?.[0];
  const published = publishedText ? new Date(publishedText) : new Date(feedPublished ?? Date.now());
  if (Number.isNaN(published.getTime())) throw new UsageError('--published must be a date');
  const sequence = sequenceText !== undefined ? Number(sequenceText) : Math.floor(published.getTime() / 1000);

  const key = await importFeedPrivateKey(await readFile(keyFile, 'utf8'));
  const text = await signStatement(body, { url, published, sequence }, key);
  const out = parsed.options.get('out')?.[0] ?? `${file}.sig`;
  const temporary = `${out}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, out);
  printErr(`${out}: signed for ${url}, published ${published.toISOString()}, sequence ${sequence}`);
  return 0;
}
