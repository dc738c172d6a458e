import { describe, expect, it } from 'vitest';
import { describeMatch, timeAgo } from '../../shared/feed/index.ts';
import type { FeedMatch } from '../../shared/types.ts';

const now = new Date('2026-03-08T10:00:00Z');
const base: FeedMatch = { kind: 'number', key: '+18047134598', verdict: 'scam', feed: 'Example feed', expired: false };

describe('describeMatch', () => {
  it('says what is known, in plain language', () => {
    expect(describeMatch({ ...base, reports: 117, brands: ['PayPal', 'Norton'], lastSeen: '2026-03-06' }, now)).toBe(
      'Reported 117 times, seen impersonating PayPal and Norton, last seen 2 days ago.',
    );
    expect(describeMatch({ ...base, reports: 1, brands: ['PayPal', 'Norton', 'McAfee'] }, now)).toBe(
      'Reported once, seen impersonating PayPal, Norton and McAfee.',
    );
    expect(describeMatch({ ...base, reports: 12_345 }, now)).toBe('Reported 12,345 times.');
    expect(describeMatch({ ...base, brands: ['Geek Squad'], firstSeen: '2026-03-01' }, now)).toBe('Seen impersonating Geek Squad, first seen 7 days ago.');
  });

  it('gives nothing when the entry carries no facts, so callers do not repeat themselves', () => {
    expect(describeMatch(base, now)).toBe('');
    expect(describeMatch({ ...base, kind: 'block', key: '+1804713', digits: 4 }, now)).toBe('');
  });

  it('describes blocks, trusted numbers and expired entries by their facts', () => {
    expect(describeMatch({ ...base, kind: 'block', key: '+1804713', digits: 4, reports: 3, brands: ['PayPal'] }, now)).toBe(
      'Reported 3 times, seen impersonating PayPal.',
    );
    expect(describeMatch({ ...base, verdict: 'trusted', label: 'IT helpdesk' }, now)).toBe('IT helpdesk.');
    expect(describeMatch({ ...base, reports: 2, lastSeen: '2025-09-01', expired: true }, now)).toBe('Reported twice, last seen 6 months ago.');
  });

  it('keeps feed text as plain text', () => {
    expect(describeMatch({ ...base, brands: ['<img src=x onerror=alert(1)>'] }, now)).toBe('Seen impersonating <img src=x onerror=alert(1)>.');
  });

  it('words ages from today to years', () => {
    expect(timeAgo('2026-03-08', now)).toBe('today');
    expect(timeAgo('2026-03-07T09:00:00Z', now)).toBe('yesterday');
    expect(timeAgo('2026-01-08', now)).toBe('59 days ago');
    expect(timeAgo('2024-01-01', now)).toBe('2 years ago');
    expect(timeAgo('2026-04-01', now)).toBe('on 2026-04-01');
    expect(timeAgo('garbage', now)).toBeUndefined();
  });
});
