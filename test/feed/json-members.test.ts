// Native feeds are read member by member and entry by entry: same answers as JSON.parse, same refusals.
import { describe, expect, it } from 'vitest';
import { arrayItems, objectMembers, parseRange, type Range } from '../../shared/feed/json-members.ts';
import { parseFeed } from '../../shared/feed/index.ts';

function items(text: string, range: Range): unknown[] {
  const out: unknown[] = [];
  const found = arrayItems(text, range.start);
  for (let item = found.next(); !item.done; item = found.next()) out.push(parseRange(text, item.value));
  return out;
}

function readBack(text: string): unknown {
  const { members } = objectMembers(text);
  const out: Record<string, unknown> = {};
  for (const [key, range] of members) {
    const value = text[range.start] === '[' ? items(text, range) : parseRange(text, range);
    Object.defineProperty(out, key, { value, enumerable: true });
  }
  return out;
}

describe('objectMembers / arrayItems', () => {
  it('read what JSON.parse reads', () => {
    for (const text of [
      '{}',
      ' { "a" : 1 , "b":[ ] ,"c":"x\\"}],{[" ,"entries":[{"n":"+1"}, [1,[2]], "s", 3, true, null ] } ',
      '{"entries":[],"entries":[1]}',
      '{"format":"ringfence-feed/1","name":"é \\u00e9","entries":[\n  {"number":"+18047134598"},\n  {"block":"+1804713","digits":4}\n]}\n',
    ]) {
      expect(readBack(text), text).toEqual(JSON.parse(text));
    }
  });

  it('refuses broken JSON as a feed syntax error', () => {
    for (const text of ['{"a":1,}', '{"a" 1}', '{"a":1} x', '{"a":[1 2]}', '{"a":"x', '{"entries":[{"n":1}', '{a:1}', '[1]']) {
      expect(() => {
        const { members } = objectMembers(text);
        for (const range of members.values()) {
          if (text[range.start] === '[') items(text, range);
          else parseRange(text, range);
        }
      }, text).toThrow(/feed is not valid JSON/);
    }
  });

  it('a native feed with a broken entry is refused whole, like before', () => {
    expect(() => parseFeed('{"format":"ringfence-feed/1","entries":[{"number":"+18047134598"},{"number":+1}]}')).toThrow(/feed is not valid JSON/);
    expect(() => parseFeed('{"format":"ringfence-feed/1","entries":[{"number":"+18047134598"}],}')).toThrow(/feed is not valid JSON/);
    expect(() => parseFeed('[{"number":"+18047134598"}]', { format: 'ringfence' })).toThrow(/must be a JSON object/);
    expect(parseFeed('{"__proto__":{"entries":1},"entries":[{"number":"+18047134598"}]}').feed.entries).toHaveLength(1);
    // Members after the entries are read too; "entries" twice is refused.
    expect(parseFeed('{"entries":[{"number":"+18047134598"}],"name":"After","ttlDays":7}').feed).toMatchObject({ name: 'After', ttlDays: 7 });
    expect(() => parseFeed('{"entries":[],"x":1,"entries":[{"number":"+18047134598"}]}')).toThrow(/"entries" appears twice/);
    expect(() => parseFeed('{"entries":[{"number":"+18047134598"}],"name":"x",}')).toThrow(/feed is not valid JSON/);
  });
});
