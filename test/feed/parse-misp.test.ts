import { describe, expect, it } from 'vitest';
import { parseFeed, FeedParseError } from '../../shared/feed/index.ts';
import { fixture } from './fixture.ts';

describe('MISP feeds', () => {
  it('reads phone-number attributes of an event and of its objects', () => {
    const { feed, errors } = parseFeed(fixture('misp-event.json'), { name: 'MISP' });
    expect(errors).toEqual([]);
    expect(feed.format).toBe('misp');
    expect(feed.entries).toEqual([
      {
        key: '+18047134598', kind: 'number', verdict: 'scam', brands: ['PayPal', 'Norton'],
        firstSeen: '2026-03-03T08:00:00.000Z', lastSeen: '2026-03-06T17:00:00.000Z',
        label: '<i>call to cancel</i>', source: 'TOAD callback campaign: fake PayPal invoices',
      },
      { key: '+1804713', kind: 'block', digits: 4, verdict: 'scam', firstSeen: '2026-03-03', lastSeen: '2026-03-03', source: 'TOAD callback campaign: fake PayPal invoices' },
      {
        key: '+13125550199', kind: 'number', verdict: 'scam', firstSeen: '2026-03-03',
        lastSeen: '2026-03-04T00:00:00.000Z', source: 'TOAD callback campaign: fake PayPal invoices',
      },
    ]);
  });

  it('reads a restSearch attribute export, including premium-rate numbers', () => {
    const { feed, errors } = parseFeed(fixture('misp-restsearch.json'), { verdict: 'scam' });
    expect(errors).toEqual([]);
    expect(feed.entries.map((e) => [e.key, e.lastSeen, e.source])).toEqual([
      ['+18047134598', '2026-03-06T00:00:00.000Z', 'PayPal invoices'],
      ['+16175551234', '2026-03-06T00:00:00.000Z', undefined],
    ]);
  });

  it('reads a restSearch event export and a list of events', () => {
    const event = { Event: { Attribute: [{ type: 'phone-number', value: '+18047134598' }] } };
    expect(parseFeed(JSON.stringify({ response: [event] })).feed.entries).toHaveLength(1);
    expect(parseFeed(JSON.stringify([event, { Event: { Attribute: [{ type: 'phone-number', value: '+13125550199' }] } }])).feed.entries).toHaveLength(2);
  });

  it('gives the brands of event tags to every number of the event', () => {
    const event = { Event: { Tag: [{ name: 'brand:Geek Squad' }], Attribute: [{ type: 'phone-number', value: '+18047134598', Tag: [{ name: 'brand:PayPal' }] }] } };
    expect(parseFeed(JSON.stringify(event)).feed.entries[0]?.brands).toEqual(['Geek Squad', 'PayPal']);
  });

  it('reads object attributes typed as text whose relation names a phone number', () => {
    const event = { Event: { Object: [{ name: 'phone', Attribute: [
      { type: 'text', object_relation: 'msisdn', value: '+18047134598' },
      { type: 'text', object_relation: 'brand', value: '+13125550199' },
    ] }] } };
    expect(parseFeed(JSON.stringify(event)).feed.entries.map((e) => e.key)).toEqual(['+18047134598']);
  });

  it('reports wrong types by attribute and keeps the good ones', () => {
    const { feed, errors } = parseFeed(fixture('misp-broken.json'));
    expect(feed.entries.map((e) => e.key)).toEqual(['+13125550199']);
    const text = errors.map((e) => `${e.where}: ${e.message}`);
    expect(text).toContain('feed: event info must be text, got number 42'.replace('feed: ', ': '));
    expect(text).toContain('Attribute 0: phone-number value must be text, got number 18047134598');
    expect(text).toContain('Attribute 1: not a valid phone number or block: "phone me"');
    expect(text).toContain('Attribute 2: attribute must be an object, got string "not an attribute"');
    expect(text).toContain('Attribute 3: last_seen is not a date: "soon"');
    expect(text).toContain('Attribute 3: Tag must be a list, got string "brand:PayPal"');
    expect(text).toContain('Object: must be a list, got an object');
  });

  it('refuses JSON shaped like neither MISP nor the native format', () => {
    expect(() => parseFeed('{"response": "nothing"}')).toThrow(FeedParseError);
    expect(() => parseFeed('{"foo": 1}')).toThrow(/neither a ringfence-feed\/1 document nor MISP/);
  });
});
