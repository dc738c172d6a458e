import { describe, expect, it } from 'vitest';
import { clusterMessages, blockOf, campaignFeedEntries } from '../../shared/cluster/index.ts';
import type { MessageRecord } from '../../shared/cluster/index.ts';
import { parseFeed } from '../../shared/feed/index.ts';

const record = (file: string, date: string | null, phones: string[], brands: string[] = [], subject = `Subject ${file}`, from = `${file}@example.net`): MessageRecord =>
  ({ file, date, subject, from, brands, phones });

describe('clusterMessages', () => {
  it('links messages that share a number, and reports per-number first/last seen and lifespan', () => {
    const result = clusterMessages([
      record('a.eml', '2026-01-30T10:00:00Z', ['+18033975786'], ['Norton']),
      record('b.eml', '2026-02-10T10:00:00Z', ['+18033975786'], ['McAfee']),
      record('c.eml', '2026-02-01T22:00:00Z', ['+18033975786', '+18884414083'], ['Norton']),
      record('d.eml', '2025-05-04T08:00:00Z', ['+12025550143'], ['Gemini']),
      record('e.eml', null, []),
    ]);
    expect(result.messages).toBe(5);
    expect(result.withoutNumbers).toBe(1);
    expect(result.campaigns).toHaveLength(2);
    const [big, small] = result.campaigns;
    expect(big).toMatchObject({
      id: 'campaign-1', messages: 3, files: ['a.eml', 'b.eml', 'c.eml'], brands: ['Norton', 'McAfee'],
      subjects: ['Subject a.eml', 'Subject b.eml', 'Subject c.eml'], senders: ['a.eml@example.net', 'b.eml@example.net', 'c.eml@example.net'],
      firstSeen: '2026-01-30T10:00:00.000Z', lastSeen: '2026-02-10T10:00:00.000Z', lifespanDays: 11,
      sharedBlocks: [],
    });
    expect(big?.numbers).toEqual([
      { e164: '+18033975786', block: '+1803397', messages: 3, brands: ['Norton', 'McAfee'], firstSeen: '2026-01-30T10:00:00.000Z', lastSeen: '2026-02-10T10:00:00.000Z', lifespanDays: 11 },
      { e164: '+18884414083', block: '+1888441', messages: 1, brands: ['Norton'], firstSeen: '2026-02-01T22:00:00.000Z', lastSeen: '2026-02-01T22:00:00.000Z', lifespanDays: 0 },
    ]);
    expect(big?.blocks).toEqual(['+1803397', '+1888441']);
    expect(small).toMatchObject({ id: 'campaign-2', messages: 1, files: ['d.eml'], lifespanDays: 0 });
  });

  it('links messages whose numbers differ only in the last 4 digits (a DID block)', () => {
    const result = clusterMessages([
      record('a.eml', '2026-03-03T00:00:00Z', ['+18047134598'], ['PayPal']),
      record('b.eml', '2026-03-05T12:00:00Z', ['+18047130001'], ['Norton']),
      record('c.eml', '2026-03-04T00:00:00Z', ['+18047144598'], ['PayPal']),
    ]);
    expect(result.campaigns.map((c) => c.files)).toEqual([['a.eml', 'b.eml'], ['c.eml']]);
    expect(result.campaigns[0]).toMatchObject({ sharedBlocks: ['+1804713'], blocks: ['+1804713'], lifespanDays: 2.5, brands: ['PayPal', 'Norton'] });
  });

  it('links transitively: a-b by a number, b-c by a block', () => {
    const result = clusterMessages([
      record('a.eml', null, ['+18047134598']),
      record('b.eml', null, ['+18047134598', '+13125550199']),
      record('c.eml', null, ['+13125551111']),
      record('d.eml', null, ['+16175551234']),
    ]);
    expect(result.campaigns.map((c) => c.files)).toEqual([['a.eml', 'b.eml', 'c.eml'], ['d.eml']]);
    expect(result.campaigns[0]).toMatchObject({ firstSeen: null, lastSeen: null, lifespanDays: null, sharedBlocks: ['+1312555'] });
  });

  it('counts a number once per message and keeps subjects and senders distinct', () => {
    const result = clusterMessages([
      record('a.eml', '2026-01-01T00:00:00Z', ['+18047134598', '+18047134598'], [], 'Invoice', 'x@example.net'),
      record('b.eml', '2026-01-02T00:00:00Z', ['+18047134598'], [], 'invoice', 'X@example.net'),
    ]);
    expect(result.campaigns[0]?.numbers[0]?.messages).toBe(2);
    expect(result.campaigns[0]?.subjects).toEqual(['Invoice']);
    expect(result.campaigns[0]?.senders).toEqual(['x@example.net']);
  });

  it('handles no input and messages without numbers', () => {
    expect(clusterMessages([])).toEqual({ messages: 0, withoutNumbers: 0, campaigns: [] });
    expect(clusterMessages([record('a.eml', null, [])]).campaigns).toEqual([]);
  });

  it('blockOf drops the last four digits', () => {
    expect(blockOf('+18047134598')).toBe('+1804713');
    expect(blockOf('+442079460958')).toBe('+44207946');
  });
});

describe('campaignFeedEntries', () => {
  it('turns cluster output into native entries: numbers with reports and dates, shared blocks', () => {
    const result = clusterMessages([
      record('a.eml', '2026-03-03T00:00:00Z', ['+18047134598'], ['PayPal']),
      record('b.eml', '2026-03-05T00:00:00Z', ['+18047130001', '+18047134598'], ['Norton']),
    ]);
    const document = JSON.parse(JSON.stringify(result));
    const { feed, errors } = parseFeed(JSON.stringify({ format: 'ringfence-feed/1', name: 'x', entries: campaignFeedEntries(document) }));
    expect(errors).toEqual([]);
    expect(feed.entries).toEqual([
      { key: '+18047134598', kind: 'number', verdict: 'scam', brands: ['PayPal', 'Norton'], firstSeen: '2026-03-03T00:00:00.000Z', lastSeen: '2026-03-05T00:00:00.000Z', reports: 2, source: 'ringfence cluster campaign-1' },
      { key: '+18047130001', kind: 'number', verdict: 'scam', brands: ['Norton'], firstSeen: '2026-03-05T00:00:00.000Z', lastSeen: '2026-03-05T00:00:00.000Z', reports: 1, source: 'ringfence cluster campaign-1' },
      { key: '+1804713', kind: 'block', digits: 4, verdict: 'scam', brands: ['PayPal', 'Norton'], firstSeen: '2026-03-03T00:00:00.000Z', lastSeen: '2026-03-05T00:00:00.000Z', source: 'ringfence cluster campaign-1' },
    ]);
  });

  it('refuses a document that is not cluster output', () => {
    expect(() => campaignFeedEntries({ entries: [] })).toThrow(/no "campaigns" list/);
    expect(() => campaignFeedEntries('x')).toThrow(/not ringfence cluster output/);
  });
});
