import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openIdbSendersStore } from '../../shared/browser/idb-senders-store.ts';
import { MemorySendersStore, familiarity, senderKeys } from '../../shared/senders/index.ts';
import { scan } from '../../shared/scan.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import type { MailMessage } from '../../shared/types.ts';

const day = (n: number) => new Date(Date.UTC(2026, 2, 1 + n, 9));

function message(from: string, overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    subject: 'Your order', from: { address: from, name: 'Billing' }, replyTo: [], to: [], date: null, headers: [],
    text: 'Your Norton 360 subscription was renewed and $399.99 charged today. If you did not authorize this, call our billing team at +1 (804) 713-4598 to cancel.',
    hiddenText: '', parts: [], attachments: [], links: [], ...overrides,
  };
}

describe('familiar senders', () => {
  it('keys a sender by address, and by its domain only when that authenticated and is not freemail', () => {
    const auth = (d: string) => [{ name: 'Authentication-Results', value: `mx.example.com; dmarc=pass header.from=${d}` }];
    expect(senderKeys(message('Ann@Example.org'))).toEqual(['address:ann@example.org']);
    expect(senderKeys(message('ann@example.org', { headers: auth('example.org') }))).toEqual(['address:ann@example.org', 'domain:example.org']);
    expect(senderKeys(message('ann@gmail.com', { headers: auth('gmail.com') }))).toEqual(['address:ann@gmail.com']);
  });

  it('never keys a From address the receiver found forged, nor mail "from" the reader\'s own address', () => {
    const failed = [{ name: 'Authentication-Results', value: 'mx.example.com; spf=fail smtp.mailfrom=example.org; dmarc=fail header.from=example.org' }];
    expect(senderKeys(message('ann@example.org', { headers: failed }))).toEqual([]);
    expect(senderKeys(message('me@example.com', { to: [{ name: 'Me', address: 'Me@Example.com' }] }))).toEqual([]);
    const unaligned = [{ name: 'Authentication-Results', value: 'mx.example.com; spf=pass smtp.mailfrom=example.org; dkim=none; dmarc=none' }];
    expect(senderKeys(message('ann@example.org', { headers: unaligned }))).toEqual(['address:ann@example.org']);
  });

  it('is familiar after mail on five earlier days, not after five messages on one day', async () => {
    const store = new MemorySendersStore();
    for (let i = 0; i < 5; i++) await store.recordAndGet(['address:a@x.org'], day(0));
    expect(familiarity(await store.recordAndGet(['address:a@x.org'], day(1)), day(1))).toEqual({ earlierDays: 1, familiar: false });
    for (let i = 2; i <= 4; i++) await store.recordAndGet(['address:a@x.org'], day(i));
    expect(familiarity(await store.recordAndGet(['address:a@x.org'], day(5)), day(5))).toEqual({ earlierDays: 5, familiar: true });
    expect(familiarity([], day(3)).familiar).toBe(false);
  });

  it('IndexedDB answers what the in-memory store answers, keeps it across a restart, and records a message once', async () => {
    const name = `senders-${process.pid}-1`;
    const idb = await openIdbSendersStore({ name });
    const memory = new MemorySendersStore();
    const calls: [string[], Date][] = [[['address:a@x.org'], day(0)], [['address:a@x.org', 'domain:x.org'], day(1)], [['domain:x.org'], day(1)], [['address:a@x.org'], day(400)]];
    for (const [keys, when] of calls) expect(await idb.recordAndGet(keys, when)).toEqual(await memory.recordAndGet(keys, when));
    idb.close();
    const again = await openIdbSendersStore({ name });
    expect((await again.get('domain:x.org'))?.days).toEqual(['2026-03-02']);
    const first = await again.recordOnce('m1', ['address:b@y.org'], day(5));
    expect(await again.recordOnce('m1', ['address:b@y.org'], day(9))).toEqual(first);
    expect((await again.get('address:b@y.org'))?.days).toEqual(['2026-03-06']);
    again.close();
  });

  it('forgets the senders recorded longest ago past the cap', async () => {
    const store = await openIdbSendersStore({ name: `senders-${process.pid}-2`, maxSenders: 2 });
    for (let i = 0; i < 4; i++) await store.recordAndGet([`address:s${i}@x.org`], day(i));
    expect(await store.get('address:s0@x.org')).toBeUndefined();
    expect(await store.get('address:s3@x.org')).toBeDefined();
    store.close();
  });

  it('through scan: a lure from a new sender warns; the same from an authenticated sender this mailbox knows is a caution', async () => {
    const store = new MemorySendersStore();
    const policy = mergePolicy({ useBundledFeed: false }, undefined);
    const from = 'accounts@regional-isp.example';
    const headers = [{ name: 'Authentication-Results', value: 'mx.example.com; dkim=pass header.d=regional-isp.example; dmarc=pass header.from=regional-isp.example' }];
    const first = await scan(message(from, { headers }), { policy, now: day(0), senders: store });
    expect(first.level).toBe('warning');
    for (let i = 1; i <= 5; i++) await scan(message(from, { headers, text: 'Monthly statement attached.' }), { policy, now: day(i), senders: store });
    const later = await scan(message(from, { headers }), { policy, now: day(6), senders: store });
    expect(later.level).toBe('caution');
  });

  it('through scan: a forged familiar address does not turn the warning off', async () => {
    const store = new MemorySendersStore();
    const policy = mergePolicy({ useBundledFeed: false }, undefined);
    const from = 'accounts@regional-isp.example';
    const pass = [{ name: 'Authentication-Results', value: 'mx.example.com; dkim=pass header.d=regional-isp.example; dmarc=pass header.from=regional-isp.example' }];
    const fail = [{ name: 'Authentication-Results', value: 'mx.example.com; dkim=none; spf=fail smtp.mailfrom=regional-isp.example; dmarc=fail header.from=regional-isp.example' }];
    for (let i = 0; i <= 5; i++) await scan(message(from, { headers: pass, text: 'Monthly statement attached.' }), { policy, now: day(i), senders: store });
    const forged = await scan(message(from, { headers: fail }), { policy, now: day(6), senders: store });
    expect(forged.level).toBe('warning');
  });
});
