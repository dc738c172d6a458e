// headerValues reads a message's headers through an index built once per header list: it must give what a
// filter over the list gives, follow a list that changed, and not walk the list again on every question.
import { describe, expect, it } from 'vitest';
import { firstHeader, hasHeader, headerValues } from '../../shared/mail-auth/headers.ts';
import type { MailMessage } from '../../shared/types.ts';

function message(headers: { name: string; value: string }[]): MailMessage {
  return { subject: '', from: null, replyTo: [], to: [], date: null, headers, text: '', hiddenText: '', parts: [], attachments: [], links: [] };
}

const reference = (m: MailMessage, name: string) => m.headers.filter((h) => h.name.toLowerCase() === name.toLowerCase()).map((h) => h.value);

describe('headerValues', () => {
  it('gives every value of a header in list order, whatever the case of the name', () => {
    const m = message([
      { name: 'Received', value: 'from a' },
      { name: 'From', value: 'A <a@example.com>' },
      { name: 'RECEIVED', value: 'from b' },
      { name: 'x-github-reason', value: 'mention' },
    ]);
    for (const name of ['received', 'Received', 'FROM', 'X-GitHub-Reason', 'to']) expect(headerValues(m, name)).toEqual(reference(m, name));
    expect(firstHeader(m, 'received')).toBe('from a');
    expect(hasHeader(m, 'to')).toBe(false);
  });

  it('follows a header list that changed after it was read', () => {
    const m = message([{ name: 'Authentication-Results', value: 'mx.example.com; dkim=pass' }]);
    expect(headerValues(m, 'authentication-results')).toEqual(['mx.example.com; dkim=pass']);
    m.headers.unshift({ name: 'Authentication-Results', value: 'mx.evil.example; dkim=pass' });
    expect(headerValues(m, 'authentication-results')).toEqual(['mx.evil.example; dkim=pass', 'mx.example.com; dkim=pass']);
    m.headers.push({ name: 'Authentication-Results', value: 'last' });
    expect(headerValues(m, 'authentication-results')).toHaveLength(3);
    m.headers[0]!.value = 'changed';
    expect(headerValues(m, 'authentication-results')[0]).toBe('changed');
  });

  it('reads the header names once, not on every question', () => {
    let nameReads = 0;
    const headers = Array.from({ length: 40 }, (_, i) => {
      const header = { value: `v${i}` } as { name: string; value: string };
      Object.defineProperty(header, 'name', { get: () => (nameReads++, i % 2 ? 'Received' : `X-Header-${i}`), enumerable: true });
      return header;
    });
    const m = message(headers);
    for (let q = 0; q < 30; q++) headerValues(m, q % 2 ? 'received' : 'from');
    expect(nameReads).toBe(40);
  });
});
