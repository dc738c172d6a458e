// Reading a copy as it streams gives the same entries and errors as parsing the whole document, whatever
// the chunk boundaries; only formats that cannot stream are read whole; the SHA-256 of a streamed body
// equals WebCrypto's.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../shared/feed/parse-feed.ts';
import type { ParseFeedOptions } from '../../shared/feed/parse-options.ts';
import { readCopy } from '../../shared/feed-sync/read-copy.ts';
import { toParsedFeed } from '../../shared/feed-sync/copy-store.ts';
import { Sha256 } from '../../shared/feed-sync/sha256-stream.ts';
import { sha256Hex } from '../../shared/feed-sync/signed-statement.ts';

async function* chunked(text: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const sortByKey = <T extends { key: string; verdict: string }>(entries: T[]) =>
  [...entries].sort((a, b) => (a.key + a.verdict < b.key + b.verdict ? -1 : a.key + a.verdict > b.key + b.verdict ? 1 : 0));

async function expectSameAsParseFeed(text: string, options: ParseFeedOptions, streamed: boolean) {
  const whole = parseFeed(text, options);
  for (const size of [1, 7, 64, 100_000]) {
    const copy = await readCopy(chunked(text, size), options);
    expect(copy.streamed).toBe(streamed);
    // The same errors; a refused trusted entry is reported where it stands, not after the others.
    expect(copy.errors.map((e) => e.message).sort()).toEqual(whole.errors.map((e) => e.message).sort());
    const feed = await toParsedFeed(copy);
    expect(sortByKey(feed.entries)).toEqual(sortByKey(whole.feed.entries));
    expect({ name: feed.name, ttlDays: feed.ttlDays, empty: feed.empty, published: feed.published }).toEqual({
      name: whole.feed.name,
      ttlDays: whole.feed.ttlDays,
      empty: whole.feed.empty,
      published: whole.feed.published,
    });
  }
}

describe('readCopy', () => {
  it('streams a native feed: entries, merged duplicates, bad entries, refused trust, members after the entries', async () => {
    const text = JSON.stringify({
      format: 'ringfence-feed/1',
      entries: [
        { number: '+1 (804) 713-4598', brands: ['PayPal'], reports: 2, lastSeen: '2026-03-01', label: 'caf\u00e9 "desk"' },
        { number: '+18047134598', brands: 'Norton', reports: 3, lastSeen: '2026-03-05' },
        { block: '+1804713', digits: 4 },
        { block: '+1888777XXXX' },
        { number: 'not a number' },
        { number: '+18005550100', verdict: 'trusted' },
        { number: '+442079460000', verdict: 'scam', reports: 'many' },
      ],
      name: 'Written after the entries',
      ttlDays: 14,
      published: '2026-03-07T00:00:00Z',
    });
    await expectSameAsParseFeed(text, { verdict: 'scam' }, true);
    await expectSameAsParseFeed(text, { verdict: 'trusted' }, true);
  });

  it('keeps the empty marker, and reads text, CSV and MISP whole', async () => {
    await expectSameAsParseFeed('{"format":"ringfence-feed/1","empty":true,"entries":[]}', {}, true);
    await expectSameAsParseFeed('# a text feed\n+18047134598\n+18047134599 PayPal\n', {}, false);
    await expectSameAsParseFeed('number,brand\n+18047134598,PayPal\n', {}, false);
    await expectSameAsParseFeed(JSON.stringify({ Event: { info: 'x', Attribute: [{ type: 'phone-number', value: '+18047134598' }] } }), {}, false);
  });

  it('refuses a broken native document with a clear error', async () => {
    await expect(readCopy(chunked('{"format":"ringfence-feed/1","entries":[{"number":"+18047134598"},', 5))).rejects.toThrow(/ends too early/);
    await expect(readCopy(chunked('{"entries":[{"number":"+18047134598"} {"number":"+1"}]}', 5))).rejects.toThrow(/expected "," or "\]"/);
    await expect(readCopy(chunked(`{"entries":[${'['.repeat(40)}${']'.repeat(40)}]}`, 5))).rejects.toThrow(/nested deeper/);
    await expect(readCopy(chunked('{"entries":[{"number":"+18047134598"}]}\u0000', 5))).rejects.toThrow(/NUL/);
  });

  it('refuses a feed with more entries than the cap while reading it', async () => {
    const entries = Array.from({ length: 50 }, (_, i) => ({ number: `+1202555${String(1000 + i)}` }));
    await expect(readCopy(chunked(JSON.stringify({ entries }), 100), { maxEntries: 20 })).rejects.toThrow(/more than 20 entries/);
  });
});

describe('Sha256', () => {
  it('matches WebCrypto over any chunking', async () => {
    const bytes = new Uint8Array(200_003).map((_, i) => (i * 2654435761) >>> 24);
    for (const length of [0, 1, 55, 56, 63, 64, 65, 1000, bytes.length]) {
      const data = bytes.subarray(0, length);
      const expected = await sha256Hex(data);
      for (const size of [1, 13, 64, 4096]) {
        const hash = new Sha256();
        for (let at = 0; at < data.length; at += size) hash.update(data.subarray(at, at + size));
        expect(hash.hex()).toBe(expected);
      }
    }
  });
});
