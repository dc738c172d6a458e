import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOutbox } from '../../shared/browser/outbox.ts';
import { openIdbFeedStore } from '../../shared/browser/idb-feed-store.ts';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { scan } from '../../shared/scan.ts';
import type { Policy } from '../../shared/types.ts';
import { openPaneFeeds } from '../../addin/feeds/open-pane-feeds.ts';
import { parkReport } from '../../addin/report/parked-reports.ts';
import { openParkedStore } from '../../addin/report/parked-store.ts';
import type { HostedPolicy } from '../../addin/policy/load-hosted-policy.ts';
import { runPane, type PaneDeps, type PaneFeeds } from '../../addin/taskpane/run-pane.ts';
import type { PaneContext, PaneState } from '../../addin/taskpane/pane-state.ts';
import { startHttpServer, type TestServer } from '../support/http-server.ts';
import { createFakeOffice, type FakeMessage } from './fake-office.ts';
import { eventually } from './e2e-support.ts';
import { fakeMessageFromEml } from './fixture-message.ts';

const scam = fakeMessageFromEml();
const plain = (subject: string): FakeMessage => ({ ...scam, subject, emlBase64: Buffer.from(`Subject: ${subject}\r\nFrom: a@example.com\r\n\r\nSee you at noon.\r\n`).toString('base64') });
let server: TestServer;
let n = 0;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startHttpServer({
    '/reports': { status: 202 },
    '/down': { status: 503 },
    '/feed.json': { status: 200, etag: '"v1"', body: JSON.stringify({ format: 'ringfence-feed/1', name: 'Unit feed', entries: [{ number: '+18084027719', verdict: 'scam', lastSeen: today }] }) },
  });
});
afterAll(() => server.close());

function start(options: { message?: FakeMessage | null; policy?: Policy; source?: HostedPolicy['source']; openFeeds?: PaneDeps['openFeeds']; mailboxVersion?: string; parkedName?: string } = {}) {
  const office = createFakeOffice({ mailboxVersion: options.mailboxVersion ?? '1.14', message: options.message === undefined ? scam : options.message });
  const renders: { state: PaneState; context: PaneContext }[] = [];
  const outboxName = `pane-outbox-${++n}`;
  let actions: Parameters<PaneDeps['render']>[2] | undefined;
  let lastMessage: Parameters<PaneDeps['render']>[3];
  const deps: PaneDeps = {
    office,
    loadPolicy: async () => ({ policy: mergePolicy(options.policy ?? { reportEndpoint: server.url('/reports') }, {}), reportMove: { to: 'junk' }, source: options.source ?? 'hosted', problems: [] }),
    parseEml,
    scan,
    ...(options.openFeeds ? { openFeeds: options.openFeeds } : {}),
    openOutbox: () => openOutbox({ name: outboxName }),
    ...(options.parkedName ? { openParkedStore: () => openParkedStore(options.parkedName) } : {}),
    render: (state, context, a, message) => {
      renders.push({ state, context: { ...context } });
      actions = a;
      lastMessage = message;
    },
    now: () => new Date(),
    version: '0.1.0',
  };
  return { office, renders, deps, outboxName, actions: () => actions!, message: () => lastMessage!, last: () => renders.at(-1)! };
}

describe('runPane', () => {
  it('judges the open message and keeps only the newest scan when items change quickly', async () => {
    const pane = start({ mailboxVersion: '1.5' });
    const running = await runPane(pane.deps);
    expect(pane.last().state).toMatchObject({ status: 'done', verdict: { level: 'warning' } });
    pane.office.selectItem(plain('first'));
    pane.office.selectItem(plain('second'));
    await eventually(() => (pane.last().state.status === 'done' ? true : undefined), 'a finished scan');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const done = pane.renders.filter((r) => r.state.status === 'done').map((r) => (r.state as { message: { subject: string } }).message.subject);
    expect(done.at(-1)).toBe('second');
    expect(done).not.toContain('first');
    expect(pane.last().context.pinnedUpdates).toBe(true);
    await running.stop();
  });

  it('moves reports parked by the JS-only runtime into the outbox and delivers them', async () => {
    const pane = start();
    await parkReport(pane.office, { id: 'parked-1', kind: 'message', reportedAt: '2026-11-20T00:00:00Z', numbers: ['+18084027719'], brands: [], level: 'warning', reasons: [], message: { subject: 's', from: 'f', date: '', messageId: '' }, client: { surface: 'outlook-addin', version: '0.1.0' } });
    const before = server.requestsTo('/reports').length;
    const running = await runPane(pane.deps);
    const sent = server.requestsTo('/reports').slice(before).map((r) => JSON.parse(r.body.toString()).id);
    expect(sent).toEqual(['parked-1']);
    expect(pane.office.context.mailbox.roamingSettings!.get('ringfence-parked-reports')).toBeUndefined();
    await running.stop();
  });

  it('keeps reports parked while the policy is unreachable, and sends them once a policy names an endpoint', async () => {
    const parkedName = `pane-parked-${++n}`;
    const store = await openParkedStore(parkedName);
    const report = { id: 'parked-policy-1', kind: 'message' as const, reportedAt: '2026-11-20T00:00:00Z', numbers: ['+18084027719'], brands: [], level: 'warning' as const, reasons: [], message: { subject: 's', from: 'f', date: '', messageId: '' }, client: { surface: 'outlook-addin' as const, version: '0.1.0' }, eml: { name: 'reported-message.eml', mediaType: 'message/rfc822', size: 3, base64: 'YWJj' } };
    await store.put(report);
    store.close();
    const before = server.requestsTo('/reports').length;

    const unreachable = start({ policy: {}, source: 'defaults', parkedName });
    const first = await runPane(unreachable.deps);
    expect(unreachable.last().context.parkedReports).toBe(1);
    expect(server.requestsTo('/reports').length).toBe(before);
    await first.stop();

    const back = start({ policy: { reportEndpoint: server.url('/reports'), reportMailbox: 'phishing@example.com' }, parkedName });
    const second = await runPane(back.deps);
    const sent = server.requestsTo('/reports').slice(before).map((r) => JSON.parse(r.body.toString()));
    expect(sent).toEqual([expect.objectContaining({ id: 'parked-policy-1', eml: expect.objectContaining({ base64: 'YWJj' }) })]);
    expect(back.last().context.parkedReports).toBe(0);
    const after = await openParkedStore(parkedName);
    expect(await after.list()).toEqual([]);
    after.close();
    await second.stop();
  });

  it('reports a number through the outbox, and keeps it when the endpoint is down', async () => {
    const pane = start({ policy: { reportEndpoint: server.url('/down') } });
    const running = await runPane(pane.deps);
    const state = pane.last().state as Extract<PaneState, { status: 'done' }>;
    await pane.actions().reportNumbers(state.verdict, pane.message());
    expect(pane.last().context.pendingReports).toBe(1);
    const outbox = await openOutbox({ name: pane.outboxName });
    expect((await outbox.pending())[0]?.payload).toMatchObject({ kind: 'number', numbers: ['+18084027719'], client: { surface: 'outlook-addin' } });
    outbox.close();
    await running.stop();
  });

  it('refuses to report when no endpoint is configured', async () => {
    const pane = start({ policy: {} });
    const running = await runPane(pane.deps);
    expect(pane.last().context.canReport).toBe(false);
    const state = pane.last().state as Extract<PaneState, { status: 'done' }>;
    await expect(pane.actions().reportNumbers(state.verdict, pane.message())).rejects.toThrow(/endpoint/);
    await running.stop();
  });

  it('syncs feeds on open with conditional GET and judges again when they change', async () => {
    const store = await openIdbFeedStore({ name: `pane-feeds-${++n}` });
    const policy = { reportEndpoint: server.url('/reports'), feeds: [{ url: server.url('/feed.json'), format: 'ringfence' as const }] };
    const openFeeds = (p: Parameters<NonNullable<PaneDeps['openFeeds']>>[0]): Promise<PaneFeeds> => openPaneFeeds(p, { store });
    const first = start({ policy, openFeeds });
    const running = await runPane(first.deps);
    await running.feedsSynced;
    expect(first.last().state).toMatchObject({ status: 'done', verdict: { level: 'danger' } });
    expect(first.last().context.feeds).toEqual([expect.objectContaining({ name: 'Unit feed', entryCount: 1 })]);
    await running.stop();

    const again = start({ policy, openFeeds });
    const second = await runPane(again.deps);
    expect(again.renders.find((r) => r.state.status === 'done')?.state).toMatchObject({ verdict: { level: 'danger' } }); // from the cache, before any sync
    await second.feedsSynced;
    expect(server.requestsTo('/feed.json').at(-1)?.headers['if-none-match']).toBe('"v1"');
    await second.stop();
  });

  it('still judges the message when the feeds cannot be opened', async () => {
    const pane = start({ openFeeds: async () => { throw new Error('IndexedDB is blocked'); } });
    const running = await runPane(pane.deps);
    expect(pane.last().state).toMatchObject({ status: 'done', verdict: { level: 'warning' } });
    expect(pane.last().context.policyProblems).toContainEqual({ key: 'paneProblemFeedsOpen', detail: 'IndexedDB is blocked' });
    await running.stop();
  });

  it('shows a clear error when nothing is selected', async () => {
    const pane = start({ message: null });
    const running = await runPane(pane.deps);
    expect(pane.last().state).toMatchObject({ status: 'error', title: { key: 'paneNoItem' }, explanation: { key: 'paneNoItemHelp' } });
    await running.stop();
  });
});
