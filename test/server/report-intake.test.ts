// POST /api/reports: malformed, oversized, hostile and unauthorised input gets a 4xx with a reason and
// changes nothing; CORS for the extension and the add-in; the rate limit answers 429 with Retry-After.
import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { STORE_KINDS } from './support/stores.ts';
import { startTestServer } from './support/server.ts';
import { makeReport, postJson } from './support/reports.ts';
import { validateReport } from '../../server/reports/validate-report.ts';

const CHROME = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const FIREFOX = 'moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

describe.each(STORE_KINDS)('report intake on %s', (kind) => {
  it('refuses bad payloads with a reason and stores nothing', async () => {
    const server = await startTestServer(kind, { maxReportBytes: 4096 });
    const endpoint = `${server.url}/api/reports`;
    const good = makeReport();
    const cases: [string, unknown, number, RegExp][] = [
      ['not JSON', '{"id": ', 400, /malformed JSON/],
      ['a list', '[]', 400, /report: expected an object/],
      ['no id', { ...good, id: undefined }, 400, /^id: expected a string/],
      ['injection in id', { ...good, id: "x'); DROP TABLE reports; --" }, 400, /^id: expected a UUID-like/],
      ['bad kind', { ...good, kind: 'spam' }, 400, /^kind/],
      ['bad number', { ...good, numbers: ['+1 804 713 4598'] }, 400, /numbers\[0\]: not a valid E.164/],
      ['number report without numbers', { ...good, numbers: [] }, 400, /needs at least one number/],
      ['too many numbers', { ...good, numbers: Array.from({ length: 51 }, (_, i) => `+1804713${String(i).padStart(4, '0')}`) }, 400, /more than 50/],
      ['NUL in subject', { ...good, message: { ...good.message, subject: 'a\u0000b' } }, 400, /message.subject: contains control characters/],
      ['lone surrogate', { ...good, brands: ['\ud800x'] }, 400, /brands\[0\]: contains a lone surrogate/],
      ['bad level', { ...good, level: 'safe' }, 400, /^level/],
      ['bad surface', { ...good, client: { surface: 'thunderbird', version: '1' } }, 400, /client.surface/],
      ['bad date', { ...good, reportedAt: 'yesterday' }, 400, /reportedAt/],
      ['proto pollution', JSON.parse(`{"__proto__": {"admin": true}, "id": "${good.id}"}`), 400, /kind/],
      ['oversized', { ...good, message: { ...good.message, subject: 'x'.repeat(5000) } }, 413, /body too large/],
    ];
    for (const [name, body, status, reason] of cases) {
      const answer = await postJson(endpoint, body);
      expect(answer.status, name).toBe(status);
      expect(answer.json.error, name).toMatch(reason);
    }
    const wrongType = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(good) });
    expect(wrongType.status).toBe(415);
    const badUtf8 = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
    expect(badUtf8.status).toBe(400);
    expect((await badUtf8.json()).error).toMatch(/UTF-8/);
    expect((await fetch(endpoint)).status).toBe(405);
    expect(await server.db.query('SELECT * FROM reports')).toEqual([]);
    // The server still works after all that.
    expect((await postJson(endpoint, good)).status).toBe(201);
  });

  it('refuses an oversized body by its declared length without reading it', async () => {
    const server = await startTestServer(kind, { maxReportBytes: 1024 });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"id":'); // and never the other 50 MB
    });
    expect(status).toBe(413);
  });

  it('requires the report token when one is configured', async () => {
    const server = await startTestServer(kind, { reportToken: 's3cret-token' });
    const endpoint = `${server.url}/api/reports`;
    const none = await postJson(endpoint, makeReport());
    expect(none.status).toBe(401);
    expect(none.json.error).toMatch(/report token/);
    expect((await postJson(endpoint, makeReport(), { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await postJson(endpoint, makeReport(), { authorization: 'Bearer s3cret-token' })).status).toBe(201);
    expect(await server.db.query('SELECT id FROM reports')).toHaveLength(1);
  });

  it('answers CORS preflights for extension origins and the configured add-in origin only', async () => {
    const server = await startTestServer(kind, { allowedOrigins: ['https://addin.example.com'] });
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/reports`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });
    for (const origin of [CHROME, FIREFOX, 'https://addin.example.com']) {
      const answer = await preflight(origin);
      expect(answer.status, origin).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    }
    const evil = await preflight('https://evil.example.net');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const posted = await postJson(`${server.url}/api/reports`, makeReport(), { origin: CHROME });
    expect(posted.headers.get('access-control-allow-origin')).toBe(CHROME);
  });

  it('limits reports per client address with 429 and Retry-After', async () => {
    const server = await startTestServer(kind, { rateLimit: { burst: 3, perSecond: 0.5 } });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await postJson(`${server.url}/api/reports`, makeReport()));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 429, 429]);
    expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await server.db.query('SELECT id FROM reports')).toHaveLength(3);
  });
});

describe('report schema', () => {
  it('keeps only known fields and normalises the date', () => {
    const check = validateReport({ ...makeReport({ reportedAt: '2026-03-06T10:00:00+02:00' }), extra: 'dropped', numbers: ['+18047134598', '+18047134598'] });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.report).not.toHaveProperty('extra');
    expect(check.report.reportedAt).toBe('2026-03-06T08:00:00.000Z');
    expect(check.report.numbers).toEqual(['+18047134598']);
  });
});
