import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../shared/feed/types.ts';
import { bucketCount, bucketDigest, decodeBucket, decodeRow, encodeBucket, encodeRow, hashKey, spreadIntoBuckets, bucketOf } from '../../shared/feed-sync/bucket-codec.ts';
import { buildKeyFilter, mayContain } from '../../shared/feed-sync/key-filter.ts';

const entries: FeedEntry[] = [
  { key: '+18047134598', kind: 'number', verdict: 'scam', brands: ['PayPal', 'Norton'], firstSeen: '2026-03-03', lastSeen: '2026-03-06', reports: 117, lineType: 'voip', carrier: 'X', source: 'analyst' },
  { key: '+1804713', kind: 'block', digits: 4, verdict: 'scam' },
  { key: '+18005550100', kind: 'number', verdict: 'trusted', label: 'IT helpdesk "desk" \u2028 <b>' },
  { key: '+1888777', kind: 'block', digits: 4, verdict: 'scam', expires: '2026-03-10' },
];

describe('bucket codec', () => {
  it('round-trips every field exactly, and leaves absent fields absent', () => {
    expect(decodeBucket(encodeBucket(entries))).toEqual(entries);
    expect(decodeBucket(encodeBucket([]))).toEqual([]);
    expect(encodeBucket([{ key: '+1', kind: 'number', verdict: 'scam' }])).toBe('[["+1",0]]');
  });

  it('spreads keys over buckets by a stable hash', () => {
    expect(hashKey('+18047134598')).toBe(hashKey('+18047134598'));
    expect(hashKey('')).toBe(0x811c9dc5);
    expect(bucketCount(0)).toBe(1);
    expect(bucketCount(1_000_000)).toBe(62_500);
    const many = Array.from({ length: 6400 }, (_, i): FeedEntry => ({ key: `+1202555${String(i).padStart(4, '0')}`, kind: 'number', verdict: 'scam' }));
    const buckets = spreadIntoBuckets(many, bucketCount(many.length));
    expect(buckets.flat()).toHaveLength(6400);
    expect(Math.max(...buckets.map((b) => b.length))).toBeLessThan(60); // no pathological clustering of sequential numbers
    for (const entry of many.slice(0, 50)) expect(buckets[bucketOf(entry.key, buckets.length)]).toContain(entry);
  });
});

describe('key filter', () => {
  it('has no false negatives and rules out absent keys', () => {
    const many = Array.from({ length: 5000 }, (_, i): FeedEntry => ({ key: `+1312555${String(i * 2).padStart(4, '0')}`, kind: 'number', verdict: 'scam' }));
    const filter = buildKeyFilter([...many, ...entries]);
    for (const entry of many) expect(mayContain(filter.numbers, hashKey(entry.key))).toBe(true);
    expect(mayContain(filter.blocks, hashKey('+1804713'))).toBe(true);
    const absent = Array.from({ length: 5000 }, (_, i) => `+1312555${String(i * 2 + 1).padStart(4, '0')}`);
    expect(absent.filter((key) => mayContain(filter.numbers, hashKey(key))).length).toBeLessThan(5);
    expect(mayContain(new Uint32Array(), 1)).toBe(false);
  });
});

describe('rows and digests', () => {
  it('a bucket is its rows joined; a row decodes to its entry', () => {
    expect(encodeBucket(entries)).toBe(`[${entries.map(encodeRow).join(',')}]`);
    for (const entry of entries) expect(decodeRow(encodeRow(entry))).toEqual(entry);
  });

  it('the digest tells buckets apart by content, not by length alone', () => {
    const a = encodeBucket(entries);
    const b = encodeBucket([...entries.slice(1), entries[0]!]);
    expect(bucketDigest(a)).toEqual(bucketDigest(a));
    expect(bucketDigest(a)).not.toEqual(bucketDigest(b));
    expect(bucketDigest('["+12025550000",0]')).not.toEqual(bucketDigest('["+12025550001",0]'));
  });
});
