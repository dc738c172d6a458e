// FeedStore for the command line: feeds in memory, optionally kept between runs as JSON files under a
// cache directory. Each feed has a status file and a copy file; a new copy is written to a temporary
// file and renamed into place, then the status file (also renamed into place) names it, then the old copy
// is deleted. A crash at any point leaves a status naming a complete copy.
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FeedMatch } from '../shared/types.ts';
import type { FeedEntry, FeedStatus, FeedStore, ParsedFeed } from '../shared/feed/types.ts';
import { toFeedMatch } from '../shared/feed/to-feed-match.ts';
import { blockCovers } from '../shared/feed/block-prefixes.ts';
import { emptyStatus, mergeStatus, replacedStatus } from '../shared/feed-sync/status.ts';
import { runStepsAsync, type Steps } from '../shared/feed/steps.ts';

interface HeldFeed {
  status: FeedStatus;
  /** File name of the current copy in the cache directory, when persisted. */
  copyFile?: string;
  index?: FeedMaps;
}

interface FeedMaps {
  name: string;
  ttlDays?: number;
  numbers: Map<string, FeedEntry[]>;
  blocks: Map<string, FeedEntry[]>;
  prefixLengths: number[];
}

interface StatusFile {
  status: FeedStatus;
  copyFile?: string;
}

export interface NodeFeedStoreOptions {
  /** Keep feeds here between runs (created if missing). Without it the store lives in memory only. */
  cacheDir?: string;
}

/** Opens a store; with a cache directory, loads what earlier runs kept there (copies load on first lookup). */
export async function openNodeFeedStore(options: NodeFeedStoreOptions = {}): Promise<NodeFeedStore> {
  const store = new NodeFeedStore(options.cacheDir);
  await store.load();
  return store;
}

export class NodeFeedStore implements FeedStore {
  private readonly feeds = new Map<string, HeldFeed>();

  constructor(private readonly cacheDir?: string) {}

  async load(): Promise<void> {
    if (!this.cacheDir) return;
    await mkdir(this.cacheDir, { recursive: true });
    const files = await readdir(this.cacheDir);
    const referenced = new Set<string>();
    for (const file of files.filter((f) => f.endsWith('.status.json'))) {
      try {
        const saved = JSON.parse(await readFile(join(this.cacheDir, file), 'utf8')) as StatusFile;
        if (typeof saved?.status?.url !== 'string') continue;
        const held: HeldFeed = { status: saved.status };
        if (saved.copyFile) {
          held.copyFile = saved.copyFile;
          referenced.add(saved.copyFile);
        }
        this.feeds.set(saved.status.url, held);
      } catch {
        // An unreadable status file is skipped: that feed syncs again from scratch.
      }
    }
    // Copies no status names (an interrupted swap) and stray temporary files are garbage.
    for (const file of files) {
      if ((file.endsWith('.copy.json') && !referenced.has(file)) || file.endsWith('.tmp')) {
        await rm(join(this.cacheDir, file), { force: true });
      }
    }
  }

  async replaceFeed(url: string, feed: ParsedFeed, meta: Partial<FeedStatus>): Promise<void> {
    const old = this.feeds.get(url);
    const status = replacedStatus(url, old?.status, feed, meta);
    const held: HeldFeed = { status, index: await runStepsAsync(buildMaps(feed)) };
    if (this.cacheDir) {
      const copyFile = `${fileId(url)}.${status.version}-${randomUUID().slice(0, 8)}.copy.json`;
      await this.writeAtomically(copyFile, JSON.stringify(feed));
      held.copyFile = copyFile;
      await this.saveStatus(held);
      if (old?.copyFile && old.copyFile !== copyFile) await rm(join(this.cacheDir, old.copyFile), { force: true });
    }
    this.feeds.set(url, held);
  }

  async updateStatus(url: string, patch: Partial<FeedStatus>): Promise<void> {
    const held = this.feeds.get(url) ?? { status: emptyStatus(url) };
    const next: HeldFeed = { ...held, status: mergeStatus(held.status, { ...patch, url }) };
    if (this.cacheDir) await this.saveStatus(next);
    this.feeds.set(url, next);
  }

  async getStatus(url: string): Promise<FeedStatus | undefined> {
    const status = this.feeds.get(url)?.status;
    return status && { ...status };
  }

  async listStatus(): Promise<FeedStatus[]> {
    return [...this.feeds.values()].map((held) => ({ ...held.status }));
  }

  async removeFeed(url: string): Promise<void> {
    const held = this.feeds.get(url);
    this.feeds.delete(url);
    if (this.cacheDir && held) {
      await rm(join(this.cacheDir, `${fileId(url)}.status.json`), { force: true });
      if (held.copyFile) await rm(join(this.cacheDir, held.copyFile), { force: true });
    }
  }

  async lookup(e164s: readonly string[], now: Date, ttlDays: number): Promise<Map<string, FeedMatch[]>> {
    const result = new Map<string, FeedMatch[]>();
    for (const e164 of e164s) result.set(e164, []);
    for (const held of this.feeds.values()) {
      const maps = await this.maps(held);
      if (!maps) continue;
      const feedTtl = maps.ttlDays ?? ttlDays;
      for (const [e164, matches] of result) {
        for (const entry of maps.numbers.get(e164) ?? []) matches.push(toFeedMatch(entry, maps.name, now, feedTtl));
        for (let i = maps.prefixLengths.length - 1; i >= 0; i--) {
          const length = maps.prefixLengths[i]!;
          if (length >= e164.length) continue;
          for (const entry of maps.blocks.get(e164.slice(0, length)) ?? []) {
            if (blockCovers(entry, e164)) matches.push(toFeedMatch(entry, maps.name, now, feedTtl));
          }
        }
      }
    }
    return result;
  }

  private async maps(held: HeldFeed): Promise<FeedMaps | undefined> {
    if (held.index || !held.copyFile || !this.cacheDir) return held.index;
    try {
      const feed = JSON.parse(await readFile(join(this.cacheDir, held.copyFile), 'utf8')) as ParsedFeed;
      held.index = await runStepsAsync(buildMaps(feed));
    } catch (error) {
      held.status = { ...held.status, lastError: `cached copy unreadable: ${(error as Error).message}` };
      delete held.copyFile;
    }
    return held.index;
  }

  private async saveStatus(held: HeldFeed): Promise<void> {
    const saved: StatusFile = { status: held.status };
    if (held.copyFile) saved.copyFile = held.copyFile;
    await this.writeAtomically(`${fileId(held.status.url)}.status.json`, JSON.stringify(saved));
  }

  private async writeAtomically(file: string, text: string): Promise<void> {
    const dir = this.cacheDir!;
    const temp = join(dir, `${file}.${randomUUID().slice(0, 8)}.tmp`);
    try {
      await writeFile(temp, text, { flush: true });
      await rename(temp, join(dir, file));
    } catch (error) {
      await rm(temp, { force: true });
      throw new Error(`could not write ${file} in ${dir}: ${(error as Error).message}; the previous copy stays in use`, { cause: error });
    }
  }
}

/** Lookup maps for a copy, built in slices (a million entries take a while; lookups go on meanwhile). */
function* buildMaps(feed: ParsedFeed): Steps<FeedMaps> {
  const maps: FeedMaps = { name: feed.name, numbers: new Map(), blocks: new Map(), prefixLengths: [] };
  if (feed.ttlDays !== undefined) maps.ttlDays = feed.ttlDays;
  const lengths = new Set<number>();
  let count = 0;
  for (const entry of feed.entries) {
    if (++count % 4096 === 0) yield;
    const map = entry.kind === 'block' ? maps.blocks : maps.numbers;
    const list = map.get(entry.key);
    if (list) list.push(entry);
    else map.set(entry.key, [entry]);
    if (entry.kind === 'block') lengths.add(entry.key.length);
  }
  maps.prefixLengths = [...lengths].sort((a, b) => a - b);
  return maps;
}

/** A file-name-safe id for a feed URL. */
function fileId(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 24);
}
