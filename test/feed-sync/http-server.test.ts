// The loopback server helper other tests build on.
import { describe, expect, it } from 'vitest';
import { startHttpServer, refusedUrl } from '../support/http-server.ts';

describe('startHttpServer', () => {
  it('serves routes, logs requests with bodies, answers 404 and conditional requests', async () => {
    const server = await startHttpServer({ '/a': { body: 'hello', headers: { 'content-type': 'text/plain' }, etag: '"1"' } });
    try {
      const first = await fetch(server.url('/a?x=1'));
      expect([first.status, await first.text(), first.headers.get('etag')]).toEqual([200, 'hello', '"1"']);
      expect((await fetch(server.url('/a'), { headers: { 'if-none-match': '"1"' } })).status).toBe(304);
      expect((await fetch(server.url('/missing'))).status).toBe(404);
      server.route('/post', (_req, res, body) => void res.writeHead(201).end(body.toString().toUpperCase()));
      const posted = await fetch(server.url('/post'), { method: 'POST', body: 'report' });
      expect([posted.status, await posted.text()]).toEqual([201, 'REPORT']);
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /a?x=1', 'GET /a', 'GET /missing', 'POST /post']);
      expect(server.requestsTo('/post')[0]!.body.toString()).toBe('report');
    } finally {
      await server.close();
    }
  });

  it('can truncate a body, stall, and refuse', async () => {
    const server = await startHttpServer({ '/cut': { body: 'x'.repeat(1000), truncateAt: 10 }, '/hang': { hang: true } });
    try {
      const cut = await fetch(server.url('/cut'));
      await expect(cut.text()).rejects.toThrow();
      await expect(fetch(server.url('/hang'), { signal: AbortSignal.timeout(200) })).rejects.toThrow();
      await expect(fetch(await refusedUrl())).rejects.toThrow();
    } finally {
      await server.close();
    }
  });
});
