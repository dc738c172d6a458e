import { describe, expect, it } from 'vitest';
import { senderDomains } from '../../shared/saas/message-hosts.ts';
import { mail } from './support/mail.ts';

describe('senderDomains', () => {
  it('is read once per message, and afresh when the headers or the sender change', () => {
    const message = mail({
      from: { address: 'notifications@github.com', name: 'x' },
      headerLines: ['Authentication-Results: mx; spf=pass smtp.mailfrom=bounce@reply.example; dkim=pass header.d=github.com'],
    });
    const first = senderDomains(message);
    expect(first).toEqual(['github.com', 'reply.example']);
    expect(senderDomains(message)).toBe(first);
    message.headers = [];
    expect(senderDomains(message)).toEqual(['github.com']);
    message.from = { address: 'a@b.example', name: '' };
    expect(senderDomains(message)).toEqual(['b.example']);
  });
});
