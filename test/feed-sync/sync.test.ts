// syncFeed against a real HTTP server on 127.0.0.1. After every failure the last good copy still answers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import type { FeedStore } from '../../shared/feed/types.ts';
import type { FeedConfig, Policy } from '../../shared/types.ts';
import { parseFeed } from '../../shared/feed/parse-feed.ts';
import { storageError } from '../../shared/browser/idb-feed-store.ts';
import { openNodeFeedStore } from '../../cli/node-store.ts';
import { syncFeed, signatureUrl, type SyncOptions } from '../../shared/feed-sync/sync.ts';
import { startHttpServer, refusedUrl, type TestServer } from '../support/http-server.ts';
import { STORES, nativeFeedText } from './feeds.ts';
import { makeSigner } from './keys.ts';

const GOOD = ['+18047134598', '+18047134599'];
const NEW = ['+13125550100'];
const now = new Date('2026-03-08T12:00:00Z');
const policy: Policy = { updateIntervalMinutes: 60 };
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

let server: TestServer;
let n = 0; // paths are unique across the whole file: the server and its request log are shared
beforeAll(async () => (server = await startHttpServer()));
afterAll(() => server.close());

describe.each(STORES.filter((s) => s.name !== 'Node (memory)'))('syncFeed with $name', (maker) => {
  let store: FeedStore;
  let close: () => Promise<void>;
  let path: string;
  let config: FeedConfig;

  const options = (extra: Partial<SyncOptions> = {}): SyncOptions => ({ now, policy, timeoutMs: 2_000, random: () => 0.5, ...extra });

  /** Serves a good feed at a fresh path and syncs it once: the "last good copy". */
  async function withGoodCopy(extra: Partial<FeedConfig> = {}) {
    const made = await maker.make();
    store = made.store;
    close = made.close;
    path = `/feed-${++n}.json`;
    config = { url: server.url(path), ...extra };
    server.route(path, { body: nativeFeedText('Good feed', GOOD, [{ block: '+1804713', digits: 4 }]), etag: `"v1-${n}"` });
    const first = await syncFeed(config, store, options());
    expect(first).toMatchObject({ result: 'updated', version: 1, entries: 3, rejectedEntries: 0 });
  }

  async function expectLastGoodCopy(error: RegExp) {
    const status = (await store.getStatus(config.url))!;
    expect(status).toMatchObject({ version: 1, entryCount: 3, lastSuccess: now.toISOString(), failures: 1 });
    expect(status.lastError).toMatch(error);
    expect(Date.parse(status.nextAttempt!)).toBeGreaterThan(now.getTime());
    const found = await store.lookup([...GOOD, '+18047130000', ...NEW], later(1), 30);
    expect(found.get(GOOD[0]!)!.map((m) => m.kind)).toEqual(['number', 'block']);
    expect(found.get('+18047130000')!.map((m) => m.kind)).toEqual(['block']);
    expect(found.get(NEW[0]!)).toEqual([]);
  }

  afterEach(() => close());

  it('200: stores the feed with its ETag; sends only a GET of the URL', async () => {
    await withGoodCopy();
    expect(await store.getStatus(config.url)).toMatchObject({ etag: `"v1-${n}"`, failures: 0, name: 'Good feed', format: 'ringfence' });
    const [request] = server.requestsTo(path);
    expect(request).toMatchObject({ method: 'GET', url: path });
    expect(request!.body.length).toBe(0);
    expect(request!.headers.cookie).toBeUndefined();
    expect(request!.headers.referer).toBeUndefined();
  });

  it('304: a conditional GET keeps the copy and records the success', async () => {
    await withGoodCopy();
    const outcome = await syncFeed(config, store, options({ now: later(61) }));
    expect(outcome).toEqual({ url: config.url, result: 'not-modified' });
    const second = server.requestsTo(path)[1]!;
    expect(second.headers['if-none-match']).toBe(`"v1-${n}"`);
    expect(await store.getStatus(config.url)).toMatchObject({ version: 1, lastSuccess: later(61).toISOString(), failures: 0 });
  });

  it('Last-Modified is sent back as If-Modified-Since', async () => {
    const made = await maker.make();
    store = made.store;
    close = made.close;
    path = `/lm-${++n}.txt`;
    config = { url: server.url(path), format: 'text' };
    server.route(path, { body: '+18047134598\n', lastModified: 'Fri, 06 Mar 2026 10:00:00 GMT' });
    expect(await syncFeed(config, store, options())).toMatchObject({ result: 'updated', entries: 1 });
    expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'not-modified' });
    expect(server.requestsTo(path)[1]!.headers['if-modified-since']).toBe('Fri, 06 Mar 2026 10:00:00 GMT');
  });

  it('200 with a new copy swaps it in', async () => {
    await withGoodCopy();
    server.route(path, { body: nativeFeedText('Good feed', NEW), etag: '"v2"' });
    expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'updated', version: 2, entries: 1 });
    const found = await store.lookup([GOOD[0]!, NEW[0]!], now, 30);
    expect(found.get(GOOD[0]!)).toEqual([]);
    expect(found.get(NEW[0]!)).toHaveLength(1);
  });

  it("'revalidate' ignores the schedule after a success but keeps the back-off after a failure", async () => {
    await withGoodCopy();
    expect(await syncFeed(config, store, options({ now: later(1), force: 'revalidate' }))).toMatchObject({ result: 'not-modified' });
    server.route(path, { status: 503, body: 'down' });
    expect(await syncFeed(config, store, options({ now: later(2), force: 'revalidate' }))).toMatchObject({ result: 'failed', failures: 1 });
    const requests = server.requestsTo(path).length;
    expect(await syncFeed(config, store, options({ now: later(3), force: 'revalidate' }))).toMatchObject({ result: 'skipped', reason: 'not-due' });
    expect(server.requestsTo(path)).toHaveLength(requests);
  });

  it('500: fails, backs off, keeps the last good copy', async () => {
    await withGoodCopy();
    server.route(path, { status: 500, body: 'oops' });
    expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /HTTP 500/, failures: 1 });
    await expectLastGoodCopy(/HTTP 500/);
  });

  it('slow server (headers): times out, keeps the last good copy', async () => {
    await withGoodCopy();
    server.route(path, { delayMs: 5_000, body: nativeFeedText('Slow', NEW) });
    const started = Date.now();
    expect(await syncFeed(config, store, options({ force: true, timeoutMs: 300 }))).toMatchObject({ result: 'failed', error: /timed out after 300 ms/ });
    expect(Date.now() - started).toBeLessThan(2_000);
    await expectLastGoodCopy(/timed out/);
  });

  it('slow server (body): times out, keeps the last good copy', async () => {
    await withGoodCopy();
    server.route(path, { bodyDelayMs: 5_000, body: nativeFeedText('Slow', NEW) });
    expect(await syncFeed(config, store, options({ force: true, timeoutMs: 300 }))).toMatchObject({ result: 'failed', error: /timed out/ });
    await expectLastGoodCopy(/timed out/);
  });

  it('connection refused: fails, keeps the last good copy', async () => {
    await withGoodCopy();
    // The server that gave the good copy goes away: its port now refuses connections.
    const refused = { ...config, url: await refusedUrl(path) };
    await store.replaceFeed(refused.url, parseFeed(nativeFeedText('Good feed', GOOD, [{ block: '+1804713', digits: 4 }])).feed, {
      lastSuccess: now.toISOString(),
    });
    await store.removeFeed(config.url);
    config = refused;
    const outcome = await syncFeed(config, store, options({ force: true }));
    expect(outcome).toMatchObject({ result: 'failed', error: /network error.*ECONNREFUSED/ });
    await expectLastGoodCopy(/ECONNREFUSED/);
  });

  it('truncated body: rejected, keeps the last good copy', async () => {
    await withGoodCopy();
    const body = nativeFeedText('Cut', [...GOOD, ...NEW]);
    server.route(path, { body, truncateAt: Math.floor(body.length / 2) });
    expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /closed before the body was complete|truncated/ });
    await expectLastGoodCopy(/closed|truncated/);
  });

  it('truncated chunked body (no Content-Length): rejected', async () => {
    await withGoodCopy();
    server.route(path, (_req, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(nativeFeedText('Cut', NEW).slice(0, 40), () => res.destroy());
    });
    expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed' });
    await expectLastGoodCopy(/./);
  });

  it('over the size cap (declared or streamed): rejected, keeps the last good copy', async () => {
    await withGoodCopy();
    server.route(path, { body: nativeFeedText('Big', NEW) + ' '.repeat(5_000) });
    expect(await syncFeed(config, store, options({ force: true, maxBytes: 1_000 }))).toMatchObject({ result: 'failed', error: /too large.*cap is 1000 bytes/ });
    server.route(path, (_req, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < 20; i++) res.write(' '.repeat(500));
      res.end(nativeFeedText('Big', NEW));
    });
    const outcome = await syncFeed(config, store, options({ force: true, maxBytes: 1_000 }));
    expect(outcome).toMatchObject({ result: 'failed', error: /too large: more than 1000 bytes/, failures: 2 });
    const status = (await store.getStatus(config.url))!;
    expect(status.failures).toBe(2);
    expect(status.version).toBe(1);
  });

  it('hostile or empty-of-entries feeds are rejected, keeping the last good copy', async () => {
    await withGoodCopy();
    server.route(path, { body: '{"format":"ringfence-feed/1","entries":[' });
    expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /feed unreadable/ });
    await expectLastGoodCopy(/feed unreadable/);
    server.route(path, { body: JSON.stringify({ format: 'ringfence-feed/1', name: 'x', entries: [{ number: 'call me' }, { block: 'x' }] }) });
    expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /no usable entries \(2 errors/ });
  });

  it('an empty 200 or a maintenance page is a failed update; a feed empty on purpose says so', async () => {
    const made = await maker.make();
    store = made.store;
    close = made.close;
    path = `/empty-${++n}.txt`;
    config = { url: server.url(path), format: 'auto' };
    server.route(path, { body: `${GOOD.join('\n')}\n+1804713*\n` });
    expect(await syncFeed(config, store, options())).toMatchObject({ result: 'updated', version: 1, entries: 3 });
    for (const body of ['', '\n\n', '# maintenance\n', '# down for maintenance, back soon\n\n']) {
      server.route(path, { body });
      expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /no entries.*empty on purpose/ });
      await expectLastGoodCopy(/no entries/);
      await store.updateStatus(config.url, { failures: 0 });
    }
    // Native: "entries": [] alone is a failed update; with "empty": true it is the feed's real state.
    server.route(path, { body: JSON.stringify({ format: 'ringfence-feed/1', name: 'x', entries: [] }) });
    expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /no entries/ });
    await expectLastGoodCopy(/no entries/);
    await store.updateStatus(config.url, { failures: 0 });
    server.route(path, { body: '# empty\n' });
    expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'updated', version: 2, entries: 0 });
    server.route(path, { body: JSON.stringify({ format: 'ringfence-feed/1', name: 'x', empty: true, entries: [] }) });
    expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'updated', version: 3, entries: 0 });
    expect((await store.lookup(GOOD, now, 30)).get(GOOD[0]!)).toEqual([]);
  });

  it('backs off after failures and skips until due; success resets', async () => {
    await withGoodCopy();
    server.route(path, { status: 503 });
    const delays: number[] = [];
    let at = later(61);
    for (let i = 0; i < 4; i++) {
      const outcome = await syncFeed(config, store, options({ now: at }));
      expect(outcome.result).toBe('failed');
      const next = new Date((outcome as { nextAttempt: string }).nextAttempt);
      delays.push((next.getTime() - at.getTime()) / 60_000);
      expect(await syncFeed(config, store, options({ now: new Date(next.getTime() - 1_000) }))).toMatchObject({ result: 'skipped', reason: 'not-due' });
      at = next;
    }
    expect(delays).toEqual([2, 4, 8, 16]);
    server.route(path, { body: nativeFeedText('Back', NEW), etag: '"back"' });
    expect(await syncFeed(config, store, options({ now: at }))).toMatchObject({ result: 'updated', version: 2 });
    expect(await store.getStatus(config.url)).toMatchObject({ failures: 0, nextAttempt: new Date(at.getTime() + 60 * 60_000).toISOString() });
    expect((await store.getStatus(config.url))!.lastError).toBeUndefined();
  });

  describe.each(['ECDSA-P256', 'Ed25519'] as const)('signed feeds (%s)', (algorithm) => {
    const good = nativeFeedText('Good feed', GOOD, [{ block: '+1804713', digits: 4 }]);

    async function signedGoodCopy(extra: Partial<FeedConfig> = {}) {
      const signer = await makeSigner(algorithm);
      const made = await maker.make();
      store = made.store;
      close = made.close;
      path = `/signed-${++n}.json`;
      config = { url: server.url(path), publicKey: signer.spkiPem, ...extra };
      server.route(path, { body: good });
      server.route(`${path}.sig`, { body: await signer.statement(good, config.url, 1_772_841_600) });
      expect(await syncFeed(config, store, options())).toMatchObject({ result: 'updated', signed: true, entries: 3 });
      expect(await store.getStatus(config.url)).toMatchObject({ signed: { sequence: 1_772_841_600, published: '2026-03-07T00:00:00.000Z' } });
      return signer;
    }

    it('accepts a correctly signed copy and rejects a wrongly signed or unsigned one, keeping the last good copy', async () => {
      const signer = await signedGoodCopy();
      expect(server.requestsTo(`${path}.sig`)).toHaveLength(1);

      // The feed changes but the signature is the old one: bad signature.
      server.route(path, { body: nativeFeedText('Tampered', NEW) });
      expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /bad signature: the feed is not the copy/ });
      await expectLastGoodCopy(/bad signature/);

      // No signature at all.
      server.removeRoute(`${path}.sig`);
      expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /unsigned/ });
      expect((await store.getStatus(config.url))!.version).toBe(1);

      // Signed by someone else.
      const other = await makeSigner(algorithm);
      server.route(`${path}.sig`, { body: await other.statement(nativeFeedText('Tampered', NEW), config.url, 1_772_900_000) });
      expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /bad signature: the statement's signature does not verify/ });
      expect((await store.lookup(NEW, now, 30)).get(NEW[0]!)).toEqual([]);

      // A newer copy, properly signed, replaces it.
      const newer = nativeFeedText('Newer', NEW);
      server.route(path, { body: newer });
      server.route(`${path}.sig`, { body: await signer.statement(newer, config.url, 1_772_900_000) });
      expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'updated', version: 2, signed: true });
    });

    it('refuses a copy signed for another URL', async () => {
      const signer = await signedGoodCopy();
      const elsewhere = nativeFeedText('Other feed', NEW);
      server.route(path, { body: elsewhere });
      server.route(`${path}.sig`, { body: await signer.statement(elsewhere, server.url('/other-feed.json'), 1_772_900_000) });
      expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /bad signature: signed for ".*\/other-feed.json", not for this feed's URL/ });
      await expectLastGoodCopy(/not for this feed's URL/);
    });

    it('refuses an older signed copy than the one in use (replay), and a sequence reused for other content', async () => {
      const signer = await signedGoodCopy();
      const older = nativeFeedText('Older', NEW);
      server.route(path, { body: older });
      server.route(`${path}.sig`, { body: await signer.statement(older, config.url, 1_772_000_000) });
      expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /older copy: sequence 1772000000 is below the 1772841600/ });
      await expectLastGoodCopy(/older copy/);
      // A higher sequence with an earlier publication date is older too.
      server.route(`${path}.sig`, { body: await signer.statement(older, config.url, 1_772_900_000, '2026-01-01T00:00:00Z') });
      expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /older copy: published 2026-01-01/ });
      server.route(`${path}.sig`, { body: await signer.statement(older, config.url, 1_772_841_600) });
      expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /sequence 1772841600 was already used for a different copy/ });
      // The same copy served again (no ETag) is fine.
      server.route(path, { body: good });
      server.route(`${path}.sig`, { body: await signer.statement(good, config.url, 1_772_841_600) });
      expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'updated', version: 2 });
    });

    it('refuses a plain detached signature unless the policy allows it (signature: "detached")', async () => {
      const signer = await signedGoodCopy();
      const plain = nativeFeedText('Plain', NEW);
      server.route(path, { body: plain });
      server.route(`${path}.sig`, { body: await signer.sign(new TextEncoder().encode(plain)) });
      expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /plain signature \(not a JSON statement\), not bound to the feed's URL and freshness/ });
      await expectLastGoodCopy(/plain signature/);
      config = { ...config, signature: 'detached' };
      expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'updated', signed: true, entries: 1 });
      server.route(`${path}.sig`, { body: await signer.sign(new TextEncoder().encode(good)) });
      expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /bad signature: .* does not verify/ });
    });
  });

  it('an unusable pinned key rejects the copy with a clear error', async () => {
    await withGoodCopy();
    config = { ...config, publicKey: 'not a key' };
    expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /pinned public key/ });
    await expectLastGoodCopy(/pinned public key/);
  });

  it('pinning a key after an unsigned copy was stored refetches in full (no 304 for an unverified copy)', async () => {
    const signer = await makeSigner('Ed25519');
    await withGoodCopy();
    config = { ...config, publicKey: signer.jwk };
    expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'failed', error: /unsigned/ });
    expect(server.requestsTo(path)[1]!.headers['if-none-match']).toBeUndefined();
    const body = nativeFeedText('Good feed', GOOD, [{ block: '+1804713', digits: 4 }]);
    server.route(`${path}.sig`, { body: await signer.statement(body, config.url, 1_772_841_600) });
    expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'updated', signed: true, version: 2 });
    expect(await syncFeed(config, store, options({ force: true }))).toMatchObject({ result: 'not-modified' });
  });
});

describe('syncFeed when storage fails', () => {
  it('records the store\'s clear error (e.g. quota) and keeps the last good copy', async () => {
    const inner = await openNodeFeedStore();
    const store: FeedStore = Object.assign(Object.create(inner) as FeedStore, {
      replaceFeed: async (url: string, ...rest: Parameters<FeedStore['replaceFeed']> extends [string, ...infer R] ? R : never) => {
        if ((await inner.getStatus(url))?.version) throw storageError(new DOMException('quota', 'QuotaExceededError'), rest[0].entries.length);
        return inner.replaceFeed(url, ...rest);
      },
    });
    const path = `/quota-${++n}.json`;
    server.route(path, { body: nativeFeedText('Good feed', GOOD) });
    const config = { url: server.url(path) };
    expect(await syncFeed(config, store, { now, policy })).toMatchObject({ result: 'updated' });
    server.route(path, { body: nativeFeedText('Bigger', [...GOOD, ...NEW]) });
    expect(await syncFeed(config, store, { now, policy, force: true })).toMatchObject({
      result: 'failed',
      error: 'storage quota exceeded while storing 3 entries; the previous copy stays in use',
    });
    expect(await store.getStatus(config.url)).toMatchObject({ version: 1, entryCount: 2, lastError: /storage quota exceeded/ });
    expect((await store.lookup(NEW, now, 30)).get(NEW[0]!)).toEqual([]);
  });
});

describe('signatureUrl', () => {
  it('appends .sig to the path', () => {
    expect(signatureUrl('https://intel.example.com/numbers.json')).toBe('https://intel.example.com/numbers.json.sig');
    expect(signatureUrl('https://intel.example.com/feed?id=3')).toBe('https://intel.example.com/feed.sig?id=3');
  });
});
