import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOutbox } from '../../shared/browser/outbox.ts';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { scan } from '../../shared/scan.ts';
import type { Policy } from '../../shared/types.ts';
import { handleSpamReport, type SpamReportDeps } from '../../addin/report/handle-spam-report.ts';
import type { MessageReportPayload } from '../../addin/report/message-report.ts';
import { parkedReports } from '../../addin/report/parked-reports.ts';
import { openParkedStore } from '../../addin/report/parked-store.ts';
import { loadHostedPolicy } from '../../addin/policy/load-hosted-policy.ts';
import type { ReportMove } from '../../addin/policy/report-move.ts';
import { startHttpServer, type TestServer } from '../support/http-server.ts';
import { createFakeOffice, type FakeApi } from './fake-office.ts';
import { fakeMessageFromEml } from './fixture-message.ts';

const scam = fakeMessageFromEml();
let server: TestServer;
let dbCounter = 0;

beforeAll(async () => {
  server = await startHttpServer({ '/reports': { status: 202, body: '{}' }, '/down': { status: 503 }, '/policy-down.json': { status: 503 } });
});
afterAll(() => server.close());

function setup(options: { policy?: Policy; move?: ReportMove; mailboxVersion?: string; failing?: FakeApi[]; indexedDb?: boolean; itemType?: 'appointment'; deps?: Partial<SpamReportDeps> } = {}) {
  const office = createFakeOffice({ mailboxVersion: options.mailboxVersion ?? '1.14', message: { ...scam, ...(options.itemType ? { itemType: options.itemType } : {}) }, failing: options.failing ?? [] });
  const completed: Office.SpamReportingEventCompletedOptions[] = [];
  const event = { type: 'SpamReporting', options: [true, false, false], freeText: '  They asked me to call about a $399 renewal.\u0007 ', completed: (o?: Office.SpamReportingEventCompletedOptions) => void completed.push(o ?? {}) };
  const outboxName = `outbox-test-${++dbCounter}`;
  const parkedName = `parked-test-${dbCounter}`;
  const deps: SpamReportDeps = {
    parseEml,
    scan,
    loadPolicy: async () => ({
      policy: mergePolicy(options.policy ?? { reportEndpoint: server.url('/reports') }, {}),
      reportMove: options.move ?? { to: 'junk' },
      source: 'hosted',
      problems: [],
    }),
    delivery: {
      ...(options.indexedDb === false ? {} : { openOutbox: () => openOutbox({ name: outboxName }), openParkedStore: () => openParkedStore(parkedName) }),
      fetchFn: fetch,
      park: async (payload) => {
        const { parkReport } = await import('../../addin/report/parked-reports.ts');
        await parkReport(office, payload);
      },
      retryDelaysMs: [10, 10],
    },
    now: () => new Date('2026-11-20T10:00:00Z'),
    newId: () => `00000000-0000-4000-8000-${String(dbCounter).padStart(12, '0')}`,
    version: '0.1.0',
    ...options.deps,
  };
  return { office, event, completed, deps, outboxName, parkedName };
}

const postsTo = (path: string) => server.requestsTo(path).map((r) => JSON.parse(r.body.toString('utf8')) as MessageReportPayload);

describe('handleSpamReport', () => {
  it('sends a message report with numbers, reasons and the reader’s choice, then moves it to Junk', async () => {
    const { office, event, completed, deps } = setup();
    const before = postsTo('/reports').length;
    expect(await handleSpamReport(office, event, deps)).toBe('delivered');
    const sent = postsTo('/reports').slice(before);
    expect(sent).toHaveLength(1);
    const payload = sent[0]!;
    expect(payload).toMatchObject({
      kind: 'message',
      reportedAt: '2026-11-20T10:00:00.000Z',
      numbers: ['+18084027719'],
      level: 'warning',
      message: { subject: scam.subject, from: 'billing-noreply@renewals-gs-support.com', messageId: '<20261116091358.7730912284@renewals-gs-support.com>' },
      client: { surface: 'outlook-addin', version: '0.1.0' },
      userReport: { categories: ['scam-number'], comment: 'They asked me to call about a $399 renewal.' },
    });
    expect(payload.message.messageId).not.toBe('');
    expect(payload.reasons).toContain('brand-callback-lure');
    expect(payload.brands).toContain('Geek Squad');
    expect(payload.eml).toBeUndefined(); // no report mailbox in this policy
    expect(completed).toEqual([
      expect.objectContaining({ onErrorDeleteItem: false, moveItemTo: 'junkFolder', postProcessingAction: 'moveToSpamFolder', showPostProcessingDialog: expect.objectContaining({ title: 'Reported' }) }),
    ]);
  });

  it('carries the .eml when the policy names a report mailbox', async () => {
    const { office, event, deps } = setup({ policy: { reportEndpoint: server.url('/reports'), reportMailbox: 'phishing@example.com' } });
    const before = postsTo('/reports').length;
    await handleSpamReport(office, event, deps);
    const payload = postsTo('/reports')[before]!;
    expect(payload.eml?.mediaType).toBe('message/rfc822');
    expect(Buffer.from(payload.eml!.base64, 'base64').toString('base64')).toBe(scam.emlBase64);
  });

  it('keeps the report in the outbox when the endpoint is down, and delivers it once later', async () => {
    const { office, event, completed, deps, outboxName } = setup({ policy: { reportEndpoint: server.url('/down') } });
    expect(await handleSpamReport(office, event, deps)).toBe('queued');
    expect(completed[0]).toMatchObject({ moveItemTo: 'junkFolder', showPostProcessingDialog: { title: 'Report saved' } });
    const outbox = await openOutbox({ name: outboxName, now: () => Date.now() + 3_600_000 });
    const pending = await outbox.pending();
    expect(pending).toHaveLength(1);
    const before = postsTo('/reports').length;
    await outbox.flush(server.url('/reports'));
    await outbox.flush(server.url('/reports'));
    const delivered = postsTo('/reports').slice(before);
    expect(delivered.map((p) => p.id)).toEqual([pending[0]!.id]);
    outbox.close();
  });

  it('parks the report in roaming settings where there is no IndexedDB (classic Outlook’s JS runtime)', async () => {
    const { office, event, completed, deps } = setup({ policy: { reportEndpoint: server.url('/down') }, indexedDb: false });
    const downBefore = server.requestsTo('/down').length;
    expect(await handleSpamReport(office, event, deps)).toBe('queued');
    expect(server.requestsTo('/down').length - downBefore).toBe(3); // first try + two retries
    expect(completed[0]).toMatchObject({ moveItemTo: 'junkFolder', showPostProcessingDialog: { title: 'Report saved' } });
    const parked = parkedReports(office);
    expect(parked.reports).toHaveLength(1);
    expect(parked.reports[0]).toMatchObject({ kind: 'message', numbers: ['+18084027719'] });
    await parked.forget();
    expect(parkedReports(office).reports).toEqual([]);
  });

  it('leaves the message in place when the report mailbox needs the .eml and only roaming settings can keep the report', async () => {
    const { office, event, completed, deps } = setup({ policy: { reportEndpoint: server.url('/down'), reportMailbox: 'phishing@example.com' }, indexedDb: false });
    expect(await handleSpamReport(office, event, deps)).toBe('parked');
    expect(completed).toEqual([expect.objectContaining({ moveItemTo: 'noMove', onErrorDeleteItem: false, showPostProcessingDialog: expect.objectContaining({ title: 'Report saved', description: expect.stringMatching(/left where it is/) }) })]);
    const parked = parkedReports(office).reports;
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ numbers: ['+18084027719'], emlOmitted: 'unavailable' });
    expect((parked[0] as MessageReportPayload).eml).toBeUndefined();
  });

  it('parks the report with its .eml when policy.json is unreachable, leaves the message, and delivers it once the policy is back', async () => {
    const unreachable = () => loadHostedPolicy(server.url('/policy-down.json'));
    const first = setup({ deps: { loadPolicy: unreachable } });
    const reportsBefore = server.requestsTo('/reports').length;
    expect(await handleSpamReport(first.office, first.event, first.deps)).toBe('policy-unavailable');
    expect(server.requestsTo('/reports').length).toBe(reportsBefore); // nothing sent anywhere
    expect(first.completed).toEqual([
      expect.objectContaining({ moveItemTo: 'noMove', postProcessingAction: 'noMove', onErrorDeleteItem: false, showPostProcessingDialog: expect.objectContaining({ title: 'Report saved', description: expect.stringMatching(/settings.*left where it is/) }) }),
    ]);
    const store = await openParkedStore(first.parkedName);
    const parked = (await store.list()) as MessageReportPayload[];
    store.close();
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ kind: 'message', numbers: ['+18084027719'], userReport: { categories: ['scam-number'] } });
    expect(Buffer.from(parked[0]!.eml!.base64, 'base64').toString('base64')).toBe(scam.emlBase64); // the unknown policy may want it

    // The policy is back and names a report mailbox: the next report (same origin, same stores) sends both.
    const second = setup({ policy: { reportEndpoint: server.url('/reports'), reportMailbox: 'phishing@example.com' } });
    second.deps.delivery.openParkedStore = () => openParkedStore(first.parkedName);
    second.deps.delivery.openOutbox = () => openOutbox({ name: first.outboxName });
    expect(await handleSpamReport(second.office, second.event, second.deps)).toBe('delivered');
    const sent = postsTo('/reports').slice(reportsBefore);
    expect(sent.map((p) => p.id).sort()).toEqual([parked[0]!.id, second.deps.newId()].sort());
    expect(sent.find((p) => p.id === parked[0]!.id)?.eml?.base64).toBe(parked[0]!.eml!.base64);
    const after = await openParkedStore(first.parkedName);
    expect(await after.list()).toEqual([]);
    after.close();
  });

  it('drops a parked report’s .eml when the policy that comes back names no report mailbox', async () => {
    const first = setup({ deps: { loadPolicy: () => loadHostedPolicy(server.url('/policy-down.json')) } });
    expect(await handleSpamReport(first.office, first.event, first.deps)).toBe('policy-unavailable');
    const second = setup();
    second.deps.delivery.openParkedStore = () => openParkedStore(first.parkedName);
    const before = postsTo('/reports').length;
    expect(await handleSpamReport(second.office, second.event, second.deps)).toBe('delivered');
    const sent = postsTo('/reports').slice(before);
    expect(sent).toHaveLength(2);
    for (const payload of sent) {
      expect(payload.eml).toBeUndefined();
      expect(payload.emlOmitted).toBeUndefined();
    }
  });

  it('parks in roaming settings when policy.json is unreachable in the JS-only runtime, and leaves the message', async () => {
    const { office, event, completed, deps } = setup({ indexedDb: false, deps: { loadPolicy: () => loadHostedPolicy(server.url('/policy-down.json')) } });
    expect(await handleSpamReport(office, event, deps)).toBe('policy-unavailable');
    expect(completed[0]).toMatchObject({ moveItemTo: 'noMove', showPostProcessingDialog: { title: 'Report saved' } });
    expect(parkedReports(office).reports).toEqual([expect.objectContaining({ kind: 'message', numbers: ['+18084027719'] })]);
  });

  it('leaves the message in place and says the report failed when it cannot be parked either', async () => {
    const { office, event, completed, deps } = setup({ indexedDb: false, failing: ['roamingSettings.saveAsync'], deps: { loadPolicy: () => loadHostedPolicy(server.url('/policy-down.json')) } });
    expect(await handleSpamReport(office, event, deps)).toBe('failed');
    expect(completed[0]).toMatchObject({ moveItemTo: 'noMove', showPostProcessingDialog: { title: 'Report failed' } });
  });

  it('posts directly without IndexedDB when the endpoint answers', async () => {
    const { office, event, deps } = setup({ indexedDb: false });
    expect(await handleSpamReport(office, event, deps)).toBe('delivered');
    expect(parkedReports(office).reports).toEqual([]);
  });

  it('moves as the policy asks: a named folder, Deleted Items, or nowhere', async () => {
    for (const [move, expected] of [
      [{ to: 'folder', folderName: 'Reported scams' }, { moveItemTo: 'customFolder', postProcessingAction: 'moveToCustomFolder', folderName: 'Reported scams' }],
      [{ to: 'deleted' }, { moveItemTo: 'deletedItemsFolder', postProcessingAction: 'delete' }],
      [{ to: 'none' }, { moveItemTo: 'noMove', postProcessingAction: 'noMove' }],
    ] as const) {
      const { office, event, completed, deps } = setup({ move });
      await handleSpamReport(office, event, deps);
      expect(completed).toEqual([expect.objectContaining(expected)]);
    }
  });

  it('says nothing was sent when the policy was read and names no endpoint, and still moves the message', async () => {
    const { office, event, completed, deps } = setup({ policy: {} });
    expect(await handleSpamReport(office, event, deps)).toBe('not-configured');
    expect(completed[0]).toMatchObject({ moveItemTo: 'junkFolder', showPostProcessingDialog: { title: 'Not sent' } });
  });

  it('reads the body and headers on a client where getAsFileAsync fails', async () => {
    const { office, event, deps } = setup({ failing: ['getAsFileAsync'] });
    const before = postsTo('/reports').length;
    expect(await handleSpamReport(office, event, deps)).toBe('delivered');
    expect(postsTo('/reports')[before]).toMatchObject({ numbers: ['+18084027719'], kind: 'message' });
  });

  it('leaves the message in place and completes when the message cannot be read', async () => {
    const { office, event, completed, deps } = setup({ failing: ['getAsFileAsync', 'body.getAsync'] });
    const before = server.requests.length;
    expect(await handleSpamReport(office, event, deps)).toBe('failed');
    expect(server.requests.length).toBe(before);
    expect(completed).toEqual([expect.objectContaining({ moveItemTo: 'noMove', onErrorDeleteItem: false, showPostProcessingDialog: expect.objectContaining({ title: 'Report failed' }) })]);
  });

  it('fails cleanly for an item that is not a message', async () => {
    const { office, event, completed, deps } = setup({ itemType: 'appointment' });
    expect(await handleSpamReport(office, event, deps)).toBe('failed');
    expect(completed).toHaveLength(1);
  });

  it('still reports, without findings, when the scan throws', async () => {
    const { office, event, deps } = setup({ deps: { scan: async () => { throw new Error('boom'); } } });
    const before = postsTo('/reports').length;
    expect(await handleSpamReport(office, event, deps)).toBe('delivered');
    expect(postsTo('/reports')[before]).toMatchObject({ level: 'none', numbers: [], userReport: { categories: ['scam-number'] } });
  });

  it('completes exactly once when the work outlives the deadline', async () => {
    const { office, event, completed, deps } = setup({ deps: { deadlineMs: 50, scan: () => new Promise(() => {}) } });
    expect(await handleSpamReport(office, event, deps)).toBe('failed');
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({ moveItemTo: 'noMove' });
  });
});
