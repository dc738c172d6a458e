// Review queue, decisions and the published feed on both stores: campaigns from the shared clustering,
// every decision recorded with who and when, a feed of confirmed entries only that the clients' own
// parser reads and signature check accepts, ETag / gzip, and the other formats.
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { STORE_KINDS, freshStore } from './support/stores.ts';
import { admin, startTestServer } from './support/server.ts';
import { getJson, makeReport, postJson } from './support/reports.ts';
import { parseFeed } from '../../shared/feed/parse-feed.ts';
import { verifyStatement } from '../../shared/feed-sync/signed-statement.ts';
import { FeedIndex } from '../../shared/feed/feed-index.ts';

const PAYPAL = '+18047134598';
const SAME_BLOCK = '+18047134512';
const HELPDESK = '+14155552671';
const OTHER = '+13125550199';

describe.each(STORE_KINDS)('review queue and feed on %s', (kind) => {
  it('groups reports into campaigns, records decisions, publishes a signed feed of confirmed entries', async () => {
    const server = await startTestServer(kind, { trustProxy: true, feedName: 'Example Corp reported numbers' }, { feedReportLagMs: 0 });
    const report = (user: string, overrides: Parameters<typeof makeReport>[0]) =>
      postJson(`${server.url}/api/reports`, makeReport(overrides), { 'x-forwarded-user': user });
    expect((await report('ann', { numbers: [PAYPAL], brands: ['PayPal'] })).status).toBe(201);
    expect((await report('bob', { numbers: [PAYPAL, SAME_BLOCK], brands: ['Norton'], message: { subject: 'Norton renewal', from: 'x@y', date: '', messageId: '' } })).status).toBe(201);
    expect((await report('bob', { numbers: [HELPDESK], brands: [], level: 'caution' })).status).toBe(201);
    expect((await report('cy', { numbers: [OTHER], brands: ['Geek Squad'] })).status).toBe(201);
    expect((await report('cy', { kind: 'message', numbers: [], brands: [] })).status).toBe(201);

    expect((await getJson(`${server.url}/api/admin/queue`)).status).toBe(401);
    expect((await getJson(`${server.url}/api/admin/queue`, { authorization: 'Bearer nope' })).status).toBe(401);
    const queue = (await getJson(`${server.url}/api/admin/queue`, admin)).json;
    const paypal = queue.numbers.find((n: { e164: string }) => n.e164 === PAYPAL);
    expect(paypal).toMatchObject({ reports: 2, reporters: 2, status: 'new', brands: ['PayPal', 'Norton'] });
    expect(paypal.subjects).toEqual(['Your PayPal invoice', 'Norton renewal']);
    expect(Date.parse(paypal.firstReported)).toBeLessThanOrEqual(Date.parse(paypal.lastReported));
    const campaign = queue.campaigns.find((c: { id: string }) => c.id === paypal.campaign);
    expect(campaign.numbers.sort()).toEqual([PAYPAL, SAME_BLOCK].sort());
    expect(campaign.sharedBlocks).toEqual([{ block: '+1804713', digits: 4, status: 'new' }]);
    expect(queue.numbers.find((n: { e164: string }) => n.e164 === OTHER).campaign).not.toBe(paypal.campaign);
    expect(queue.numbers).toHaveLength(4);

    // Nothing is published before a decision.
    const empty = await fetch(`${server.url}/feed.json`);
    expect(parseFeed(new Uint8Array(await empty.arrayBuffer())).feed.entries).toEqual([]);

    const decide = (body: unknown, token = admin) => postJson(`${server.url}/api/admin/decisions`, body, token);
    expect((await decide({ number: PAYPAL, verdict: 'scam' }, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await decide({ number: '+1 804 713 4598', verdict: 'scam' })).json.error).toMatch(/number: expected a valid E.164/);
    expect((await decide({ number: PAYPAL, verdict: 'evil' })).json.error).toMatch(/verdict/);
    expect((await decide({ block: '+1804713', digits: 9, verdict: 'scam' })).json.error).toMatch(/digits/);
    expect((await decide({ number: PAYPAL, block: '+1804713', verdict: 'scam' })).status).toBe(400);
    const confirmed = await decide({ number: PAYPAL, verdict: 'scam', note: 'PayPal refund lure', by: 'soc-analyst@example.com' });
    expect(confirmed.status).toBe(201);
    expect(confirmed.json.decision).toMatchObject({ target: 'number', key: PAYPAL, verdict: 'scam', decidedBy: 'soc-analyst@example.com', note: 'PayPal refund lure' });
    expect(Date.now() - Date.parse(confirmed.json.decision.decidedAt)).toBeLessThan(60_000);
    await decide({ number: HELPDESK, verdict: 'trusted', note: 'Example Corp IT helpdesk' });
    await decide({ number: OTHER, verdict: 'scam' });
    await decide({ number: OTHER, verdict: 'dismissed', note: 'false alarm' }); // the latest decision wins
    expect((await decide({ block: '+1804713', verdict: 'scam' })).json.decision).toMatchObject({ target: 'block', key: '+1804713', digits: 4 });

    const policy = (await getJson(`${server.url}/api/admin/policy`, admin)).json;
    expect(policy).toEqual({ feeds: [{ url: `${server.url}/feed.json`, format: 'ringfence', publicKey: expect.any(String) }], reportEndpoint: `${server.url}/api/reports` });

    const response = await fetch(`${server.url}/feed.json`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const sig = new Uint8Array(await (await fetch(`${server.url}/feed.json.sig`)).arrayBuffer());
    const key = policy.feeds[0].publicKey as string;
    const checked = await verifyStatement(bytes, sig, key, { url: `${server.url}/feed.json` });
    expect(checked).toMatchObject({ ok: true, statement: { url: `${server.url}/feed.json` } });
    const tampered = bytes.slice();
    tampered[tampered.length - 5]! ^= 1;
    expect(await verifyStatement(tampered, sig, key, { url: `${server.url}/feed.json` })).toMatchObject({ ok: false, reason: expect.stringMatching(/SHA-256 differs/) });
    expect(await verifyStatement(bytes, sig, key, { url: 'https://elsewhere.example/feed.json' })).toMatchObject({ ok: false });

    const { feed, errors } = parseFeed(bytes);
    expect(errors).toEqual([]);
    expect(feed.name).toBe('Example Corp reported numbers');
    const byKey = new Map(feed.entries.map((e) => [e.key, e]));
    expect([...byKey.keys()].sort()).toEqual([HELPDESK, PAYPAL, '+1804713'].sort());
    expect(byKey.get(PAYPAL)).toMatchObject({ verdict: 'scam', reports: 2, brands: ['Norton', 'PayPal'], lastSeen: paypal.lastReported });
    expect(byKey.get(HELPDESK)).toMatchObject({ verdict: 'trusted', label: 'Example Corp IT helpdesk' });
    expect(byKey.get('+1804713')).toMatchObject({ kind: 'block', digits: 4, verdict: 'scam', reports: 2 });
    // Clients find the block's other number through the block entry.
    const index = new FeedIndex([feed]);
    expect(index.matches(SAME_BLOCK, new Date()).map((m) => m.kind)).toEqual(['block']);

    // ETag, conditional GET, gzip.
    const etag = response.headers.get('etag')!;
    // Not stored by any HTTP cache (clients revalidate by their own ETag): Chromium then does not buffer the body ahead of the extension.
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${server.url}/feed.json`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const raw = await rawGet(`${server.url}/feed.json`, { 'accept-encoding': 'gzip' });
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(raw.body).equals(Buffer.from(bytes))).toBe(true);

    // Other formats, read by the clients' parser.
    const txt = parseFeed(await (await fetch(`${server.url}/feed.txt`)).text());
    expect(txt.feed.format).toBe('text');
    expect(txt.feed.entries.map((e) => e.key).sort()).toEqual([PAYPAL, '+1804713'].sort());
    const csv = parseFeed(await (await fetch(`${server.url}/feed.csv`)).text());
    expect(csv.errors).toEqual([]);
    expect(csv.feed.entries.map((e) => `${e.key}:${e.verdict}`).sort()).toEqual([`${HELPDESK}:trusted`, `${PAYPAL}:scam`, '+1804713:scam'].sort());
    const misp = parseFeed(await (await fetch(`${server.url}/feed.misp.json`)).text());
    expect(misp.feed.format).toBe('misp');
    expect(misp.feed.entries.map((e) => e.key)).toEqual([PAYPAL]);

    // A new report of a confirmed number moves lastSeen and changes the ETag.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await report('dan', { numbers: [PAYPAL], brands: ['PayPal'] });
    const after = await fetch(`${server.url}/feed.json`, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    const renewedBytes = new Uint8Array(await after.arrayBuffer());
    const renewed = parseFeed(renewedBytes).feed.entries.find((e) => e.key === PAYPAL)!;
    // A client holding the first copy accepts the new one (its sequence grew) and refuses the old one again.
    const held = checked.ok ? { published: checked.statement.published, sequence: checked.statement.sequence, sha256: checked.statement.sha256 } : undefined;
    const newSig = new Uint8Array(await (await fetch(`${server.url}/feed.json.sig`)).arrayBuffer());
    const newer = await verifyStatement(renewedBytes, newSig, key, { url: `${server.url}/feed.json`, held });
    expect(newer.ok).toBe(true);
    if (newer.ok) expect(await verifyStatement(bytes, sig, key, { url: `${server.url}/feed.json`, held: newer.statement })).toMatchObject({ ok: false, reason: expect.stringMatching(/older copy/) });
    expect(renewed.reports).toBe(3);
    expect(Date.parse(renewed.lastSeen!)).toBeGreaterThan(Date.parse(paypal.lastReported));

    const queueAfter = (await getJson(`${server.url}/api/admin/queue`, admin)).json;
    const statuses = Object.fromEntries(queueAfter.numbers.map((n: { e164: string; status: string }) => [n.e164, n.status]));
    expect(statuses).toEqual({ [PAYPAL]: 'scam', [SAME_BLOCK]: 'scam', [HELPDESK]: 'trusted', [OTHER]: 'dismissed' });
    expect(queueAfter.numbers.find((n: { e164: string }) => n.e164 === SAME_BLOCK).decision).toMatchObject({ verdict: 'scam', block: '+1804713' });
  });

  if (kind === 'postgres') {
    it('two instances on one database publish the same bytes, ETag and signature', async () => {
      const store = await freshStore(kind);
      const a = await startTestServer(kind, { ...store, publicUrl: 'https://intel.example.com' });
      const b = await startTestServer(kind, { ...store, publicUrl: 'https://intel.example.com' });
      await postJson(`${a.url}/api/reports`, makeReport());
      await postJson(`${b.url}/api/admin/decisions`, { number: PAYPAL, verdict: 'scam' }, admin);
      const [fa, fb] = await Promise.all([fetch(`${a.url}/feed.json`), fetch(`${b.url}/feed.json`)]);
      expect(fa.headers.get('etag')).toBe(fb.headers.get('etag'));
      expect(await fa.text()).toBe(await fb.text());
      expect(await (await fetch(`${a.url}/feed.json.sig`)).text()).toBe(await (await fetch(`${b.url}/feed.json.sig`)).text());
    });
  }
});

async function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}
