import { describe, expect, it } from 'vitest';
import { looksLikePlatform, registeredLabel } from '../../shared/saas/domain-names.ts';

describe('registeredLabel', () => {
  it('finds the label an organisation registered', () => {
    expect(registeredLabel('reply.github.com')).toBe('github');
    expect(registeredLabel('mail.example.co.uk')).toBe('example');
    expect(registeredLabel('github.example.com')).toBe('example');
  });
});

describe('looksLikePlatform', () => {
  it('catches names that contain or misspell the platform', () => {
    const cases: [string, string][] = [
      ['github-notices.com', 'github'],
      ['g1thub.com', 'github'],
      ['githubb.io', 'github'],
      ['gihtub-security.net', 'github'],
      ['mail.zendesk-help.net', 'zendesk'],
      ['atlassian-billing.com', 'atlassian'],
      ['at1assian.support', 'atlassian'],
    ];
    for (const [domain, platform] of cases) expect(looksLikePlatform(domain, platform), domain).toBe(true);
  });

  it('leaves other names alone, including a company\'s own GitHub Enterprise host', () => {
    for (const domain of ['gitlab.com', 'github.example.com', 'example-corp.com', 'bitbucket.org']) {
      expect(looksLikePlatform(domain, 'github'), domain).toBe(false);
    }
  });
});
