import { describe, expect, it } from 'vitest';
import { parseFeed, FeedParseError } from '../../shared/feed/index.ts';
import { fixture } from './fixture.ts';

describe('native ringfence-feed/1', () => {
  it('reads numbers, blocks, trusted entries and every field', () => {
    const { feed, errors } = parseFeed(fixture('native.json'));
    expect(errors).toEqual([]);
    expect(feed.format).toBe('ringfence');
    expect(feed.name).toBe('Example Corp scam numbers');
    expect(feed.published).toBe('2026-03-07T00:00:00.000Z');
    expect(feed.ttlDays).toBe(45);
    expect(feed.entries).toHaveLength(6);
    expect(feed.entries[0]).toEqual({
      key: '+18047134598', kind: 'number', verdict: 'scam', brands: ['PayPal', 'Norton'],
      firstSeen: '2026-03-03', lastSeen: '2026-03-06', reports: 117, lineType: 'voip',
      carrier: 'Example VoIP LLC', source: 'analyst',
    });
    // Numbers are normalised to E.164; a missing verdict takes the default.
    expect(feed.entries[1]).toMatchObject({ key: '+13125550199', kind: 'number', verdict: 'scam' });
    expect(feed.entries[2]).toMatchObject({ key: '+1804713', kind: 'block', digits: 4 });
    // Without digits, a block covers what is missing to a full NANP number.
    expect(feed.entries[3]).toMatchObject({ key: '+1888777', kind: 'block', digits: 4, expires: '2026-03-10' });
    expect(feed.entries[4]).toMatchObject({ key: '+18005550100', verdict: 'trusted', label: 'Example Corp IT helpdesk' });
  });

  it('keeps HTML in text fields as plain text, exactly as written', () => {
    const { feed } = parseFeed(fixture('native.json'));
    const entry = feed.entries.find((e) => e.key === '+16175551234');
    expect(entry?.brands).toEqual(['<b>PayPal</b>']);
    expect(entry?.label).toBe('<script>alert(1)</script>');
  });

  it('reports wrong types and bad numbers by entry and keeps the good entries', () => {
    const { feed, errors } = parseFeed(fixture('native-broken.json'));
    const byEntry = (i: number) => errors.filter((e) => e.where === `entry ${i}`).map((e) => e.message);
    expect(byEntry(0)[0]).toMatch(/number must be text/);
    expect(byEntry(1)[0]).toMatch(/not a valid phone number: "call me"/);
    expect(byEntry(2)[0]).toMatch(/not a valid phone number/);
    expect(byEntry(3)[0]).toMatch(/verdict must be "scam" or "trusted"/);
    // Bad optional fields are dropped, the entry kept.
    expect(byEntry(4).join('\n')).toMatch(/reports must be a whole number/);
    expect(byEntry(4).join('\n')).toMatch(/lastSeen is not a date/);
    expect(byEntry(4).join('\n')).toMatch(/lineType must be text/);
    expect(byEntry(5)[0]).toMatch(/digits must be/);
    expect(byEntry(6)[0]).toMatch(/only a country code/);
    expect(byEntry(7)[0]).toMatch(/block must be text/);
    expect(byEntry(8)[0]).toMatch(/both "number" and "block"/);
    expect(byEntry(9)[0]).toMatch(/neither "number" nor "block"/);
    for (const i of [10, 11, 12]) expect(byEntry(i)[0]).toMatch(/entry must be an object/);
    expect(byEntry(13).join('\n')).toMatch(/brands item must be text/);

    const keys = feed.entries.map((e) => e.key);
    expect(keys).toEqual(['+13125550199', '+12025550143']);
    expect(feed.entries[0]).toEqual({ key: '+13125550199', kind: 'number', verdict: 'scam', brands: ['PayPal', 'Norton'] });
    expect(feed.entries[1]?.brands).toEqual(['Norton']);
    expect(feed.entries[1]?.reports).toBeUndefined();
  });

  it('refuses JSON that is not a feed, another version, or entries that are not a list', () => {
    expect(() => parseFeed('{"format": "ringfence-feed/2", "entries": []}')).toThrow(/unsupported feed format "ringfence-feed\/2"/);
    expect(() => parseFeed('{"format": "ringfence-feed/1", "entries": {}}')).toThrow(/"entries" must be a list/);
    expect(() => parseFeed('{"hello": "world"}')).toThrow(FeedParseError);
    expect(() => parseFeed('{"format": "ringfence-feed/1", "entries": [')).toThrow(/not valid JSON/);
    expect(() => parseFeed('"just a string"', { format: 'ringfence' })).toThrow(/must be a JSON object/);
  });

  it('accepts a feed without a format field, and merges duplicate entries', () => {
    const { feed, errors } = parseFeed(
      JSON.stringify({
        entries: [
          { number: '+18047134598', brands: ['PayPal'], firstSeen: '2026-03-03', lastSeen: '2026-03-04', reports: 2 },
          { number: '804-713-4598', brands: ['paypal', 'Norton'], firstSeen: '2026-03-01', lastSeen: '2026-03-06', reports: 3 },
        ],
      }),
      { name: 'given name' },
    );
    expect(errors).toEqual([]);
    expect(feed.name).toBe('given name');
    expect(feed.entries).toEqual([
      { key: '+18047134598', kind: 'number', verdict: 'scam', brands: ['PayPal', 'Norton'],
        firstSeen: '2026-03-01', lastSeen: '2026-03-06', reports: 5 },
    ]);
  });

  it('takes the policy verdict for entries without one', () => {
    const { feed } = parseFeed('{"format":"ringfence-feed/1","entries":[{"number":"+18005550100"},{"number":"+18047134598","verdict":"scam"}]}', { verdict: 'trusted' });
    expect(feed.entries.map((e) => e.verdict)).toEqual(['trusted', 'scam']);
  });

  it('reads blocks written with a mask', () => {
    const { feed, errors } = parseFeed('{"format":"ringfence-feed/1","entries":[{"block":"+1 804 713 XXXX"},{"block":"+1804713*"},{"block":"+1804713","digits":"4"},{"number":"+1804713*","verdict":"Scam"}]}');
    expect(errors).toEqual([]);
    expect(feed.entries).toEqual([{ key: '+1804713', kind: 'block', digits: 4, verdict: 'scam' }]);
  });
});
