// Sightings once per message under concurrency: the scans of a long conversation run at the same time in the
// worker (first look, then with headers), and none of them may lose another's record.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { MailMessage } from '../../shared/types.ts';

// storage.local as the worker sees it: asynchronous, values copied in and out.
const local = new Map<string, unknown>();
const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), Math.random() * 3));
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        get: (key: string) => later(local.has(key) ? { [key]: structuredClone(local.get(key)) } : {}),
        set: (items: Record<string, unknown>) => later(Object.entries(items).forEach(([k, v]) => local.set(k, structuredClone(v)))),
        remove: (key: string) => later(void local.delete(key)),
      },
    },
  },
}));

const { openIdbSightingsStore } = await import('../../shared/browser/idb-sightings-store.ts');
const { sightingsOncePerMessage } = await import('../../extension/background/sightings-once.ts');

const when = new Date('2026-03-07T10:00:00Z');
const numberOf = (i: number) => `+1804713${String(2_000 + i).padStart(4, '0')}`;

function message(i: number, withHeaders = false): MailMessage {
  return {
    subject: 'Re: your subscription renewal',
    from: { address: `billing.${i}@mailhub.example`, name: 'PayPal Billing' },
    replyTo: [],
    to: [],
    date: null,
    headers: withHeaders ? [{ name: 'Authentication-Results', value: 'mx.google.com; dkim=none' }] : [],
    text: `Your PayPal renewal was charged. To cancel call ${numberOf(i)}.`,
    hiddenText: '',
    parts: [],
    attachments: [],
    links: [],
  };
}

describe('sightingsOncePerMessage', () => {
  it('records each of 100 messages scanned at once exactly once, also when each is scanned again with its headers', async () => {
    const store = await openIdbSightingsStore({ name: `once-${process.pid}-1` });
    const scan = (i: number, withHeaders: boolean) => sightingsOncePerMessage(store, message(i, withHeaders)).recordAndGet([numberOf(i)], ['PayPal'], when);
    const ids = Array.from({ length: 100 }, (_, i) => i);
    const first = await Promise.all(ids.map((i) => scan(i, false)));
    const second = await Promise.all(ids.map((i) => scan(i, true)));
    expect(second).toEqual(first);
    const counts = await Promise.all(ids.map(async (i) => (await store.get(numberOf(i)))?.messages));
    expect(counts).toEqual(ids.map(() => 1));
    store.close();
  });

  it('gives every concurrent scan of one message the same answer and records it once', async () => {
    const store = await openIdbSightingsStore({ name: `once-${process.pid}-2` });
    await store.recordAndGet([numberOf(7)], ['Norton'], new Date('2026-03-06T10:00:00Z'));
    const answers = await Promise.all(Array.from({ length: 20 }, () => sightingsOncePerMessage(store, message(7)).recordAndGet([numberOf(7)], ['PayPal'], when)));
    for (const answer of answers) expect(answer).toEqual([expect.objectContaining({ e164: numberOf(7), messages: 1, brands: ['Norton'] })]);
    expect((await store.get(numberOf(7)))?.messages).toBe(2);
    store.close();
  });

  it('records a burst of 100 concurrent messages in a few transactions, not one commit each', async () => {
    const store = await openIdbSightingsStore({ name: `once-${process.pid}-4` });
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    try {
      const ids = Array.from({ length: 100 }, (_, i) => i);
      await Promise.all(ids.map((i) => store.recordOnce(`burst-${i}`, [numberOf(i)], ['PayPal'], when)));
      expect(transactions.mock.calls.length).toBeLessThanOrEqual(5);
      const counts = await Promise.all(ids.map(async (i) => (await store.get(numberOf(i)))?.messages));
      expect(counts).toEqual(ids.map(() => 1));
    } finally {
      transactions.mockRestore();
      store.close();
    }
  });

  it('remembers at most maxMessages messages, forgetting the oldest, without touching the others', async () => {
    const store = await openIdbSightingsStore({ name: `once-${process.pid}-3`, maxMessages: 3 });
    for (let i = 0; i < 5; i++) await store.recordOnce(`m${i}`, [numberOf(i)], [], new Date(when.getTime() + i * 1000));
    // m2..m4 are remembered (no second record); m0 was forgotten, so it is recorded again.
    for (const i of [4, 3, 2, 0]) await store.recordOnce(`m${i}`, [numberOf(i)], [], new Date(when.getTime() + 10_000));
    const counts = await Promise.all(Array.from({ length: 5 }, async (_, i) => (await store.get(numberOf(i)))?.messages));
    expect(counts).toEqual([2, 1, 1, 1, 1]);
    store.close();
  });
});
