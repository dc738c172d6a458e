import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../shared/feed/index.ts';
import { fixture } from './fixture.ts';

describe('plain text feeds', () => {
  it('reads numbers, prefix* blocks, masks and comments', () => {
    const { feed, errors } = parseFeed(fixture('text.txt'));
    expect(errors).toEqual([]);
    expect(feed.format).toBe('text');
    expect(feed.entries).toEqual([
      { key: '+18047134598', kind: 'number', verdict: 'scam' },
      { key: '+13125550199', kind: 'number', verdict: 'scam' },
      { key: '+12025550143', kind: 'number', verdict: 'scam' },
      { key: '+1888777', kind: 'block', digits: 4, verdict: 'scam' },
      { key: '+1617555', kind: 'block', digits: 4, verdict: 'scam' },
      { key: '+442079460958', kind: 'number', verdict: 'scam' },
    ]);
  });

  it('takes the verdict and name the policy gives it', () => {
    const { feed } = parseFeed('+18005550100\n', { verdict: 'trusted', name: 'Helpdesk numbers' });
    expect(feed.name).toBe('Helpdesk numbers');
    expect(feed.entries[0]?.verdict).toBe('trusted');
  });

  it('reports bad lines by line number (CRLF too) and keeps the good ones', () => {
    const { feed, errors } = parseFeed(fixture('text-broken.txt'));
    expect(errors.map((e) => e.where)).toEqual(['line 2', 'line 3', 'line 4', 'line 6', 'line 7']);
    expect(errors[0]?.message).toMatch(/not a valid phone number or block: "not a number"/);
    expect(errors[2]?.message).toMatch(/only a country code/);
    expect(errors[3]?.message).toMatch(/leaves no digits|longer than an E.164/);
    // HTML around a number is not stripped: the line is refused, never interpreted.
    expect(errors[4]?.message).toContain('<b>+18005550100</b>');
    expect(feed.entries.map((e) => e.key)).toEqual(['+18047134598', '+1804713']);
  });

  it('reads national numbers in the region given', () => {
    const { feed } = parseFeed('020 7946 0958\n', { format: 'text', defaultRegion: 'GB' });
    expect(feed.entries[0]?.key).toBe('+442079460958');
  });

  it('derives block digits from the country numbering plan', () => {
    const { feed, errors } = parseFeed('+44207946*\n+1804*\n', { format: 'text' });
    expect(errors).toEqual([]);
    expect(feed.entries).toEqual([
      { key: '+44207946', kind: 'block', digits: 4, verdict: 'scam' },
      { key: '+1804', kind: 'block', digits: 7, verdict: 'scam' },
    ]);
  });
});
