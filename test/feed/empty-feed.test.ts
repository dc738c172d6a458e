// A copy with no entries replaces the last good one only when the feed says it is empty on purpose.
import { describe, expect, it } from 'vitest';
import { parseFeed, validateFeed } from '../../shared/feed/index.ts';
import { unusableCopyReason } from '../../shared/feed/usable-copy.ts';

const reason = (input: string) => {
  const { feed, errors } = parseFeed(input);
  return unusableCopyReason(feed, errors);
};

describe('feeds with no entries', () => {
  it('an empty body, blank lines or only comments are not a usable copy', () => {
    for (const body of ['', '\n\n', '# maintenance\n', '# down for maintenance\n# back soon\n', '{"format":"ringfence-feed/1","entries":[]}', 'number,brand\n']) {
      expect(reason(body), JSON.stringify(body)).toMatch(/no entries, and the feed does not say it is empty on purpose/);
    }
    expect(reason('nope\n')).toMatch(/no usable entries \(1 errors; first at line 1/);
  });

  it('"# empty" in text or CSV and "empty": true in a native feed say it is empty on purpose', () => {
    for (const body of ['# empty\n', '#EMPTY\n# nothing listed this week\n', '# empty\nnumber,brand\n', '{"format":"ringfence-feed/1","empty":true,"entries":[]}']) {
      const { feed, errors } = parseFeed(body);
      expect(errors, body).toEqual([]);
      expect(feed.empty, body).toBe(true);
      expect(unusableCopyReason(feed, errors), body).toBeUndefined();
    }
  });

  it('the marker is ignored when there are entries, and a bad marker is reported', () => {
    expect(parseFeed('# empty\n+18047134598\n').feed).toMatchObject({ entries: [{ key: '+18047134598' }] });
    expect(parseFeed('# empty\n+18047134598\n').feed.empty).toBeUndefined();
    const listed = parseFeed('{"format":"ringfence-feed/1","empty":true,"entries":[{"number":"+18047134598"}]}');
    expect(listed.feed.entries).toHaveLength(1);
    expect(listed.errors[0]?.message).toMatch(/"empty": true but the feed has 1 entries/);
    expect(parseFeed('{"format":"ringfence-feed/1","empty":"yes","entries":[]}').errors[0]?.message).toMatch(/"empty" must be true/);
    expect(reason('# empty\nnope\n')).toMatch(/no usable entries/);
  });

  it('feed validate says a copy with no entries would be refused', () => {
    expect(validateFeed('# maintenance\n')).toMatchObject({ ok: false, errors: [{ where: 'feed', message: expect.stringMatching(/empty on purpose/) }] });
    expect(validateFeed('# empty\n')).toMatchObject({ ok: true, errors: [] });
  });
});
