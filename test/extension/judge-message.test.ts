// One judgement per opened message: the first scan waits for headers that come quickly, also when the
// message's header request waits behind others of a long conversation; headers that come later are judged
// on the body the worker kept from the first scan ('scan-headers'), so each message is scanned once.
import { describe, expect, it, vi } from 'vitest';
import type { MailMessage } from '../../shared/types.ts';
import type { BackgroundRequest, ScanResponse } from '../../extension/lib/messages.ts';
import type { OpenedMessage, WebmailProvider } from '../../extension/content/registry.ts';

const scans: { type: 'scan' | 'scan-headers'; key: string | undefined; headers: number; keepBody?: boolean }[] = [];
const dropped: string[] = [];
vi.mock('../../extension/lib/background-client.ts', () => ({
  ask: async (request: BackgroundRequest) => {
    if (request.type === 'drop-body') {
      dropped.push(request.key);
      return null;
    }
    if (request.type !== 'scan' && request.type !== 'scan-headers') throw new Error(`unexpected ${request.type}`);
    scans.push({ type: request.type, key: request.key, headers: request.message.headers.length, ...(request.type === 'scan' && request.keepBody ? { keepBody: true } : {}) });
    await new Promise((r) => setTimeout(r, 2));
    return { verdict: { level: 'danger', reasons: [], phones: [], brands: [] }, show: true, canReport: false, formatted: {} } as unknown as ScanResponse;
  },
}));
vi.mock('../../extension/content/registry.ts', () => ({}));
const { MessageJudgement, HEADER_FETCHES, HEADER_GRACE_MS, HEADER_WAIT_MS } = await import('../../extension/content/judge-message.ts');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const message = { subject: 's', from: null, replyTo: [], to: [], date: null, headers: [], text: 't', hiddenText: '', parts: [], attachments: [], links: [] } as MailMessage;

function provider(fetchMs: number): WebmailProvider {
  return {
    id: 'gmail',
    matches: () => true,
    findOpenedMessages: () => [],
    readMessage: async () => message,
    addHeaders: async (_opened, read) => {
      await sleep(fetchMs);
      return { ...read, headers: [{ name: 'Authentication-Results', value: 'mx; dmarc=pass' }] };
    },
  };
}

/** Judges `count` messages at once; per message key, the scans asked for. `firstVerdicts`: ms until every banner had its verdict. */
async function judgeAll(count: number, fetchMs: number, timing: { firstVerdicts?: number } = {}): Promise<Map<string, number>> {
  scans.length = 0;
  const began = performance.now();
  const page = new AbortController();
  const judgements = Array.from({ length: count }, (_, i) => {
    const opened = { container: {} as Element, body: {} as Element, key: `#m${i}` } satisfies OpenedMessage;
    return new MessageJudgement(provider(fetchMs), opened, page.signal);
  });
  const settled = judgements.map(
    (j) =>
      new Promise<void>((resolve) => {
        const poll = () => (j.settled ? resolve() : setTimeout(poll, 5));
        poll();
      }),
  );
  const verdicts = judgements.map(
    (j) =>
      new Promise<void>((resolve) => {
        const unsubscribe = j.subscribe(() => {
          resolve();
          queueMicrotask(() => unsubscribe());
        });
      }),
  );
  await Promise.all(judgements.map((j) => j.start()));
  await Promise.all(verdicts);
  timing.firstVerdicts = performance.now() - began;
  await Promise.all(settled);
  page.abort();
  const perKey = new Map<string, number>();
  for (const { key, type } of scans) if (type === 'scan') perKey.set(key!, (perKey.get(key!) ?? 0) + 1);
  return perKey;
}

describe('MessageJudgement', () => {
  it(`scans each message of a long conversation once, with its headers, when they come quickly (${HEADER_FETCHES} requests at a time)`, async () => {
    // 60 messages, 60 ms per header request: the last requests start well after HEADER_GRACE_MS.
    const fetchMs = 60;
    expect((60 / HEADER_FETCHES) * fetchMs).toBeLessThan(HEADER_WAIT_MS);
    expect((60 / HEADER_FETCHES) * fetchMs).toBeGreaterThan(HEADER_GRACE_MS * 1.5);
    const perKey = await judgeAll(60, fetchMs);
    expect([...perKey.values()]).toEqual(Array.from({ length: 60 }, () => 1));
    expect(perKey.size).toBe(60);
    expect(scans.every((s) => s.headers === 1)).toBe(true);
  });

  it('does not hold the banner for headers that are slow: scanned once on what the page shows, its body kept, then judged on it with the headers', async () => {
    const started = performance.now();
    const perKey = await judgeAll(2, HEADER_GRACE_MS + 200);
    expect([...perKey.values()]).toEqual([1, 1]);
    expect(scans.slice(0, 2)).toEqual([
      { type: 'scan', key: '#m0', headers: 0, keepBody: true },
      { type: 'scan', key: '#m1', headers: 0, keepBody: true },
    ]);
    expect(scans.slice(2).map((s) => [s.type, s.headers])).toEqual([
      ['scan-headers', 1],
      ['scan-headers', 1],
    ]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('stops waiting for a place once header requests take longer than HEADER_WAIT_MS (a slow webmail): banners within the grace', async () => {
    const slow = HEADER_WAIT_MS + 200;
    await judgeAll(2 * HEADER_FETCHES, slow);
    const timing: { firstVerdicts?: number } = {};
    const perKey = await judgeAll(2 * HEADER_FETCHES, slow, timing);
    expect(timing.firstVerdicts).toBeLessThan(HEADER_GRACE_MS + 300);
    // Still one scan each: the late headers are judged on the kept bodies.
    expect([...perKey.values()]).toEqual(Array.from({ length: 2 * HEADER_FETCHES }, () => 1));
    expect(scans.filter((s) => s.type === 'scan-headers').map((s) => s.headers)).toEqual(Array.from({ length: 2 * HEADER_FETCHES }, () => 1));
  });

  it('tells the worker to drop the kept body of a message that leaves before its late headers are used', async () => {
    scans.length = 0;
    dropped.length = 0;
    const page = new AbortController();
    const judgement = new MessageJudgement(provider(HEADER_GRACE_MS + 200), { container: {} as Element, body: {} as Element, key: '#gone' }, page.signal);
    const verdict = new Promise<void>((resolve) => judgement.subscribe(() => resolve()));
    await judgement.start();
    await verdict;
    judgement.cancel();
    await sleep(HEADER_GRACE_MS + 300);
    expect(scans.map((s) => s.type)).toEqual(['scan']);
    expect(dropped).toEqual(['#gone']);
    page.abort();
  });

  it('tells the worker to drop the kept body when the late headers do not come (the fetch failed)', async () => {
    scans.length = 0;
    dropped.length = 0;
    const failing: WebmailProvider = {
      ...provider(0),
      addHeaders: async () => {
        await sleep(HEADER_GRACE_MS + 100);
        throw new Error('Show original failed');
      },
    };
    const page = new AbortController();
    const judgement = new MessageJudgement(failing, { container: {} as Element, body: {} as Element, key: '#failed' }, page.signal);
    await judgement.start();
    const until = Date.now() + 2_000;
    while (!judgement.settled && Date.now() < until) await sleep(5);
    expect(judgement.settled).toBe(true);
    expect(scans).toEqual([{ type: 'scan', key: '#failed', headers: 0, keepBody: true }]);
    expect(dropped).toEqual(['#failed']);
    page.abort();
  });

  it('asks for a full scan again (no body kept) for a message without a key', async () => {
    scans.length = 0;
    const page = new AbortController();
    const judgement = new MessageJudgement(provider(HEADER_GRACE_MS + 100), { container: {} as Element, body: {} as Element, key: null }, page.signal);
    await judgement.start();
    const until = Date.now() + 2_000;
    while (!judgement.settled && Date.now() < until) await sleep(5);
    expect(scans).toEqual([
      { type: 'scan', key: undefined, headers: 0 },
      { type: 'scan', key: undefined, headers: 1 },
    ]);
    page.abort();
  });
});
