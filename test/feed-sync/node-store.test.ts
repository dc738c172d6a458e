import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeFeedStore } from '../../cli/node-store.ts';
import { numberAt, numbersFeed } from './feeds.ts';

const now = new Date('2026-03-08T12:00:00Z');

describe('NodeFeedStore files', () => {
  it('keeps one status and one copy file per feed, replacing them by rename', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rf-node-'));
    const store = await openNodeFeedStore({ cacheDir: dir });
    await store.replaceFeed('https://a.test/f', numbersFeed('A', 5), {});
    await store.replaceFeed('https://a.test/f', numbersFeed('A', 6), {});
    await store.replaceFeed('https://b.test/f', numbersFeed('B', 1), {});
    const files = await readdir(dir);
    expect(files.filter((f) => f.endsWith('.status.json'))).toHaveLength(2);
    expect(files.filter((f) => f.endsWith('.copy.json'))).toHaveLength(2);
    expect(files.filter((f) => f.endsWith('.tmp'))).toHaveLength(0);
  });

  it('on start, removes copies no status names and stray temporary files (an interrupted swap)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rf-node-'));
    const store = await openNodeFeedStore({ cacheDir: dir });
    await store.replaceFeed('https://a.test/f', numbersFeed('A', 5), { etag: '"a"' });
    await writeFile(join(dir, 'deadbeef.9-12345678.copy.json'), '{"half":');
    await writeFile(join(dir, 'x.status.json.1234.tmp'), '{');
    const again = await openNodeFeedStore({ cacheDir: dir });
    expect((await readdir(dir)).sort()).toHaveLength(2);
    expect(await again.getStatus('https://a.test/f')).toMatchObject({ etag: '"a"', version: 1 });
    expect((await again.lookup([numberAt(4)], now, 30)).get(numberAt(4))).toHaveLength(1);
  });

  it('an unreadable copy file yields no answers and a lastError, not a crash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rf-node-'));
    const store = await openNodeFeedStore({ cacheDir: dir });
    await store.replaceFeed('https://a.test/f', numbersFeed('A', 5), {});
    const copy = (await readdir(dir)).find((f) => f.endsWith('.copy.json'))!;
    await writeFile(join(dir, copy), (await readFile(join(dir, copy), 'utf8')).slice(0, 20));
    const again = await openNodeFeedStore({ cacheDir: dir });
    expect((await again.lookup([numberAt(1)], now, 30)).get(numberAt(1))).toEqual([]);
    expect((await again.getStatus('https://a.test/f'))!.lastError).toMatch(/cached copy unreadable/);
  });
});
