import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../shared/policy/validate-policy.ts';
import { isTrustedSender } from '../../shared/saas/trusted-senders.ts';

describe('policy.trustedSenders', () => {
  it('is read from a policy like the other trusted instances, and a malformed value is dropped with an error', () => {
    expect(validatePolicy({ trustedSenders: ['example.com', 'acme.freshdesk.com'] }).policy.trustedSenders).toEqual(['example.com', 'acme.freshdesk.com']);
    const bad = validatePolicy({ trustedSenders: 'example.com' });
    expect(bad.policy.trustedSenders).toBeUndefined();
    expect(bad.errors.join(' ')).toContain('trustedSenders');
  });

  it('matches an instance id exactly and a domain with its subdomains and addresses', () => {
    const policy = { trustedSenders: ['https://Acme.freshdesk.com/', '@example.com'] };
    expect(isTrustedSender(policy, ['acme.freshdesk.com'])).toBe(true);
    expect(isTrustedSender(policy, ['mail.example.com'])).toBe(true);
    expect(isTrustedSender(policy, ['organiser@example.com'])).toBe(true);
    expect(isTrustedSender(policy, ['notacme.freshdesk.com', 'badexample.com', undefined])).toBe(false);
    expect(isTrustedSender({}, ['acme.freshdesk.com'])).toBe(false);
  });
});
