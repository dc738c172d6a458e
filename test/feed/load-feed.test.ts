import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadFeedSource } from '../../cli/load-feed.ts';
import { FeedParseError } from '../../shared/feed/index.ts';
import { fixture, fixturePath } from './fixture.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    if (path === '/feed.json') response.end(fixture('native.json'));
    else if (path === '/feed.csv') response.end(fixture('ftc-dnc.csv'));
    else if (path === '/big') {
      response.writeHead(200, { 'content-length': String(2 * 1024 * 1024) });
      response.end(Buffer.alloc(2 * 1024 * 1024, 0x20));
    } else if (path === '/big-chunked') {
      // No content-length: the cap must stop the stream itself.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const push = () => {
        while (sent < 40 && response.write(chunk)) sent++;
        if (sent >= 40) response.end();
        else response.once('drain', push);
      };
      push();
    } else if (path === '/slow') {
      setTimeout(() => response.end('+18047134598\n'), 5_000);
    } else {
      response.writeHead(404);
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('loadFeedSource', () => {
  it('reads a file, named after it unless the feed names itself', async () => {
    const csv = await loadFeedSource(fixturePath('ftc-dnc.csv'));
    expect(csv.feed).toMatchObject({ format: 'csv', name: 'ftc-dnc.csv' });
    const native = await loadFeedSource(fixturePath('native.json'), { name: 'ignored' });
    expect(native.feed.name).toBe('Example Corp scam numbers');
  });

  it('fetches a URL over HTTP and detects its format', async () => {
    const { feed } = await loadFeedSource(`${base}/feed.json`);
    expect(feed.entries).toHaveLength(6);
    const csv = await loadFeedSource(`${base}/feed.csv`, { verdict: 'scam' });
    expect(csv.feed).toMatchObject({ format: 'csv', name: expect.stringContaining('/feed.csv') });
  });

  it('fails clearly on HTTP errors, timeouts and missing files', async () => {
    await expect(loadFeedSource(`${base}/missing`)).rejects.toThrow(/HTTP 404/);
    await expect(loadFeedSource(`${base}/slow`, { timeoutMs: 300 })).rejects.toThrow(/cannot fetch feed .*timed out/);
    await expect(loadFeedSource(fixturePath('no-such-feed.json'))).rejects.toThrow(/no such file/);
    await expect(loadFeedSource('http://127.0.0.1:1/feed.json', { timeoutMs: 2000 })).rejects.toThrow(/cannot fetch feed/);
  });

  it('refuses feeds over the size cap, by header, by stream and by file size', async () => {
    const cap = { maxBytes: 1024 * 1024 };
    await expect(loadFeedSource(`${base}/big`, cap)).rejects.toThrow(FeedParseError);
    await expect(loadFeedSource(`${base}/big-chunked`, cap)).rejects.toThrow(/refused/);
    await expect(loadFeedSource(fixturePath('native.json'), { maxBytes: 100 })).rejects.toThrow(/larger than the .* cap; refused/);
  });
});
