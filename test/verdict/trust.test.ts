// Issue #10.1: a trusted entry must never switch the warning off. A scam match beats trusted; trust comes only
// from exact numbers in the policy or in feeds the policy marks as trusted lists; trust never silences a lure.
import { describe, expect, it } from 'vitest';
import { scan } from '../../shared/scan.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { FeedIndex, parseFeed } from '../../shared/feed/index.ts';
import type { EntryVerdict } from '../../shared/feed/types.ts';
import type { MailMessage, Policy } from '../../shared/types.ts';
import { LURE, message } from './support/lure-message.ts';

const now = new Date('2026-03-10T12:00:00Z');

const SIGNATURE = message('See you Thursday.\n--\nDana Whitfield, IT helpdesk\nOffice: +1 (804) 713-4598', { subject: 'Re: planning', from: { address: 'dana@example.org', name: 'Dana' } });

/** A feed parsed as the policy configures it (`feeds[].verdict`), the way sync and the CLI read it. */
function feed(listVerdict: EntryVerdict, entries: object[], name = 'Feed') {
  return parseFeed(JSON.stringify({ format: 'ringfence-feed/1', name, entries }), { verdict: listVerdict }).feed;
}

async function judge(m: MailMessage, policy: Policy, feeds: ReturnType<typeof feed>[] = []) {
  return scan(m, { policy: mergePolicy(policy, undefined), now, reputation: new FeedIndex(feeds, { ttlDays: 30 }) });
}

describe('trusted numbers (#10.1)', () => {
  it('a third-party feed with a trusted block over a whole area code cannot silence a scam hit', async () => {
    const hostile = feed('scam', [{ block: '+1804', digits: 7, verdict: 'trusted' }], 'Hostile');
    const scams = feed('scam', [{ number: '+18047134598', verdict: 'scam', lastSeen: '2026-03-08' }], 'Scams');
    const v = await judge(message(LURE), {}, [hostile, scams]);
    expect(v.level).toBe('danger');
    expect(v.reasons.map((r) => r.code)).toContain('feed-number');
    expect(v.phones[0]!.trusted).toBeUndefined();
  });

  it('a trusted block is no trust even in a trusted list; a trusted native entry in a scam feed trusts nothing', async () => {
    const list = feed('trusted', [{ block: '+1804713', digits: 4 }], 'Our list');
    const mixed = feed('scam', [{ number: '+18047134598', verdict: 'trusted' }], 'Scam feed');
    expect(list.entries).toEqual([]);
    expect(mixed.entries).toEqual([]);
    const v = await judge(message(LURE), {}, [list, mixed]);
    expect(v.level).toBe('warning');
    expect(v.phones[0]!.trusted).toBeUndefined();
  });

  it('a scam match beats a number the policy trusts', async () => {
    const scams = feed('scam', [{ block: '+1804713', digits: 4, verdict: 'scam', lastSeen: '2026-03-08' }]);
    const v = await judge(SIGNATURE, { trustedNumbers: ['+1 804 713 4598'] }, [scams]);
    expect(v.level).toBe('danger');
    expect(v.phones[0]!.trusted).toBeUndefined();
  });

  it('trust never silences a lure: it only stops the number from warning by itself', async () => {
    const v = await judge(message(LURE), { trustedNumbers: ['+1 804 713 4598'] });
    expect(v.level).toBe('warning');
    expect(v.reasons.map((r) => r.code)).toContain('brand-callback-lure');
    expect(v.phones[0]!.trusted).toBe(true);
  });

  it('exact numbers from the policy or a trusted list are trusted in ordinary mail', async () => {
    const list = feed('trusted', [{ number: '+18047134598', label: 'IT helpdesk' }], 'Our list');
    expect((await judge(SIGNATURE, {}, [list])).phones[0]!.trusted).toBe(true);
    expect((await judge(SIGNATURE, { trustedNumbers: ['+1 804 713 4598'] })).phones[0]!.trusted).toBe(true);
    expect((await judge(SIGNATURE, {}, [list])).level).toBe('none');
  });
});

describe('a hostile feed full of trusted entries', () => {
  it('reports its left-out entries with the same cap as any other parse error', () => {
    const entries = Array.from({ length: 12_000 }, (_, i) => ({ number: `+1804713${String(i).padStart(4, '0')}`, verdict: 'trusted' }));
    const result = parseFeed(JSON.stringify({ format: 'ringfence-feed/1', name: 'Hostile', entries }), { verdict: 'scam' });
    expect(result.feed.entries).toEqual([]);
    expect(result.errors.length).toBeLessThanOrEqual(10_000);
  });
});
