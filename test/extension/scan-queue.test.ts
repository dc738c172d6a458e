// The worker's scans a few at a time in the order asked (banners on screen first), counted per message; header parsing in their way only while they keep up.
import { describe, expect, it, vi } from 'vitest';
import type { MailMessage } from '../../shared/types.ts';
import type { ScanResponse } from '../../extension/lib/messages.ts';

vi.mock('../../extension/background/scan-message.ts', () => ({
  scanMessage: () => Promise.reject(new Error('not in this test')),
  judgeWithHeaders: () => Promise.reject(new Error('not in this test')),
}));
const { dropKeptBody, headerTurn, headerUpdatesPerMessage, keptBodies, queuedHeaderUpdate, queuedScan, scansPerMessage, SCANS_AT_ONCE } = await import('../../extension/background/scan-queue.ts');
const { KeptBodies } = await import('../../extension/background/kept-bodies.ts');
const { Limit } = await import('../../extension/lib/limit.ts');
type KeptBody = import('../../extension/background/scan-message.ts').KeptBody;
type ScanOptions = import('../../extension/background/scan-message.ts').ScanOptions;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const response = { verdict: { level: 'none', reasons: [], phones: [], brands: [] }, show: false, canReport: false, formatted: {} } as ScanResponse;
const message = (n: number) => ({ subject: String(n) }) as MailMessage;

describe('queuedScan', () => {
  it(`runs ${SCANS_AT_ONCE} scans at once and finishes them in the order asked`, async () => {
    let running = 0;
    let most = 0;
    const finished: string[] = [];
    const scan = async (m: MailMessage) => {
      most = Math.max(most, ++running);
      // Interleaved work: a scan started early would finish last if all ran at once.
      await sleep(5);
      await sleep(5);
      running--;
      finished.push(m.subject);
      return response;
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => queuedScan(message(i), scan)));
    expect(most).toBe(SCANS_AT_ONCE);
    expect(finished.slice(0, SCANS_AT_ONCE).sort()).toEqual(['0', '1', '2']);
    expect(finished.slice(-SCANS_AT_ONCE).sort()).toEqual(['17', '18', '19']);
  });

  it('lets header parsing go at once while the worker keeps up, and after the queued scans when they are backed up', async () => {
    const order: string[] = [];
    const scan = async (m: MailMessage) => {
      await sleep(10);
      order.push(m.subject);
      return response;
    };
    const few = Array.from({ length: SCANS_AT_ONCE }, (_, i) => queuedScan(message(i), scan));
    await headerTurn().then(() => order.push('headers'));
    await Promise.all(few);
    expect(order[0]).toBe('headers');
    order.length = 0;
    const many = Array.from({ length: 2 * SCANS_AT_ONCE }, (_, i) => queuedScan(message(i), scan));
    await headerTurn().then(() => order.push('headers'));
    await Promise.all(many);
    expect(order.at(-1)).toBe('headers');
  });

  it('counts the scans asked for per message key', async () => {
    const scan = async () => response;
    await Promise.all([queuedScan(message(1), scan, '#a'), queuedScan(message(2), scan, '#b'), queuedScan(message(3), scan, '#a'), queuedScan(message(4), scan)]);
    expect(scansPerMessage()).toMatchObject({ '#a': 2, '#b': 1 });
  });
});

describe('queuedHeaderUpdate', () => {
  const body = (n: number) => ({ reading: { parts: [{ id: 'body', text: String(n) }] }, policy: '{}' }) as unknown as KeptBody;
  /** A scan that keeps the body it read when asked to (as scanMessage does). */
  const scan = (n: number) => async (_m: MailMessage, options?: ScanOptions) => {
    options?.keepBody?.(body(n));
    return response;
  };
  const updated = { ...response, show: true } as ScanResponse;

  it('judges late headers on the body kept by the scan: counted as a header update, not as a second scan', async () => {
    const judged: [string, unknown][] = [];
    const judge = async (m: MailMessage, kept: KeptBody) => {
      judged.push([m.subject, kept.reading.parts[0]!.text]);
      return updated;
    };
    const fullScans: string[] = [];
    const rescan = async (m: MailMessage) => {
      fullScans.push(m.subject);
      return response;
    };
    await queuedScan(message(1), scan(1), '#kept', true);
    expect(keptBodies()).toBe(1);
    expect(await queuedHeaderUpdate(message(11), '#kept', judge, rescan)).toBe(updated);
    expect(judged).toEqual([['11', '1']]);
    expect(fullScans).toEqual([]);
    expect(scansPerMessage()['#kept']).toBe(1);
    expect(headerUpdatesPerMessage()['#kept']).toBe(1);
    // Used once: nothing is kept any more.
    expect(keptBodies()).toBe(0);
  });

  it('keeps no body unless asked, and scans in full (counted) when no kept body fits', async () => {
    const judge = async () => null;
    const rescan = async () => response;
    await queuedScan(message(2), scan(2), '#not-kept');
    expect(keptBodies()).toBe(0);
    await queuedHeaderUpdate(message(2), '#not-kept', judge, rescan);
    expect(scansPerMessage()['#not-kept']).toBe(2);
    expect(headerUpdatesPerMessage()['#not-kept']).toBeUndefined();
    // Kept, but the judge finds it does not fit (the text or the policy changed): a full scan.
    await queuedScan(message(3), scan(3), '#changed', true);
    await queuedHeaderUpdate(message(3), '#changed', judge, rescan);
    expect(scansPerMessage()['#changed']).toBe(2);
    expect(keptBodies()).toBe(0);
  });

  it('forgets the kept body of a message that left the page', async () => {
    await queuedScan(message(4), scan(4), '#left', true);
    expect(keptBodies()).toBe(1);
    dropKeptBody('#left');
    expect(keptBodies()).toBe(0);
  });
});

describe('KeptBodies', () => {
  const kept = (n: number, chars = 10) => ({ reading: { parts: [{ id: 'body', text: 'x'.repeat(chars) }] }, policy: String(n) }) as unknown as KeptBody;

  it('keeps at most its bound, forgetting the oldest first', () => {
    const bodies = new KeptBodies(3);
    for (let i = 0; i < 5; i++) bodies.keep(`#${i}`, kept(i));
    expect(bodies.size).toBe(3);
    expect(bodies.take('#0')).toBeUndefined();
    expect(bodies.take('#4')?.policy).toBe('4');
    expect(bodies.take('#4')).toBeUndefined();
  });

  it('keeps at most its budget of text: the oldest go first, a body over the whole budget is not kept', () => {
    const bodies = new KeptBodies(100, 1_000);
    bodies.keep('#a', kept(1, 400));
    bodies.keep('#b', kept(2, 400));
    bodies.keep('#c', kept(3, 400));
    expect(bodies.size).toBe(2);
    expect(bodies.take('#a')).toBeUndefined();
    bodies.keep('#huge', kept(4, 1_001));
    expect(bodies.take('#huge')).toBeUndefined();
    // Taken and dropped bodies give their text back to the budget.
    expect(bodies.take('#b')?.policy).toBe('2');
    bodies.keep('#d', kept(5, 600));
    expect(bodies.take('#c')?.policy).toBe('3');
    expect(bodies.take('#d')?.policy).toBe('5');
  });
});

describe('Limit', () => {
  it('lets a caller whose signal aborts while it waits leave without running, and the next one takes its place', async () => {
    const limit = new Limit(1);
    const ran: string[] = [];
    const task = (name: string) => async () => {
      ran.push(name);
      await sleep(20);
      return name;
    };
    const leaving = new AbortController();
    const stay = new AbortController().signal;
    const first = limit.run(stay, task('first'), 'none');
    const second = limit.run(leaving.signal, task('second'), 'left');
    const third = limit.run(stay, task('third'), 'none');
    leaving.abort();
    expect(await Promise.all([first, second, third])).toEqual(['first', 'left', 'third']);
    expect(ran).toEqual(['first', 'third']);
  });
});
