import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../shared/policy/validate-policy.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { normaliseTrustedNumbers } from '../../shared/policy/trusted-numbers.ts';

describe('validatePolicy', () => {
  it('keeps every well-formed key of the DESIGN.md example', () => {
    const example = {
      feeds: [{ url: 'https://intel.example.com/numbers.json', format: 'ringfence', publicKey: 'MFkw', verdict: 'scam' }],
      reportEndpoint: 'https://intel.example.com/api/reports',
      reportMailbox: 'phishing@example.com',
      trustedNumbers: ['+18005550100'],
      trustedGithubOrgs: ['example-corp'],
      trustedJiraSites: ['example.atlassian.net'],
      trustedZendeskTenants: ['example'],
      defaultRegion: 'US',
      feedTtlDays: 30,
      updateIntervalMinutes: 60,
      useBundledFeed: true,
      minimumBannerLevel: 'caution',
    };
    expect(validatePolicy(example)).toEqual({ policy: example, errors: [], problems: [], setKeys: expect.arrayContaining(Object.keys(example)) });
  });

  it('drops malformed keys with a clear error and keeps the rest', () => {
    const { policy, errors } = validatePolicy({
      feeds: [{ url: 'javascript:alert(1)' }, { url: 'https://ok.example/feed.txt', format: 'text' }],
      reportEndpoint: 'ftp://nope',
      trustedNumbers: 'not-a-list',
      feedTtlDays: -3,
      minimumBannerLevel: 'panic',
      defaultRegion: 'gb',
      unknownKey: 1,
    });
    expect(policy).toEqual({ feeds: [{ url: 'https://ok.example/feed.txt', format: 'text' }], defaultRegion: 'GB' });
    expect(errors).toEqual([
      'trustedNumbers: expected a list of strings',
      'feedTtlDays: expected a positive number',
      'reportEndpoint: expected an https URL (http only on this computer: 127.0.0.0/8, [::1], localhost)',
      'minimumBannerLevel: expected one of none, caution, warning, danger',
      'feeds[0]: url: expected an https URL (http only on this computer: 127.0.0.0/8, [::1], localhost)',
    ]);
  });

  it('refuses a region without a numbering plan, which would stop every scan', () => {
    expect(validatePolicy({ defaultRegion: 'UK' })).toEqual({
      policy: {},
      errors: ['defaultRegion: expected a two-letter country code with a telephone numbering plan (e.g. US, GB)'],
      problems: [
        {
          key: 'policyProblemCountry',
          terms: { setting: 'policy_defaultRegion' },
          detail: 'defaultRegion: expected a two-letter country code with a telephone numbering plan (e.g. US, GB)',
        },
      ],
      setKeys: ['defaultRegion'],
    });
  });

  it('rejects a policy that is not an object', () => {
    expect(validatePolicy('x').errors).toEqual(['policy: expected a JSON object']);
    expect(validatePolicy(null).policy).toEqual({});
  });
});

describe('mergePolicy', () => {
  it('lets admin policy win, user options fill gaps, defaults come last', () => {
    const merged = mergePolicy({ feedTtlDays: 7, trustedNumbers: ['+18005550100'] }, { feedTtlDays: 90, defaultRegion: 'GB' });
    expect(merged.feedTtlDays).toBe(7);
    expect(merged.defaultRegion).toBe('GB');
    expect(merged.trustedNumbers).toEqual(['+18005550100']);
    expect(merged.updateIntervalMinutes).toBe(60);
    expect(merged.useBundledFeed).toBe(true);
  });
});

describe('normaliseTrustedNumbers', () => {
  it('reads numbers in any common notation and ignores junk', () => {
    expect([...normaliseTrustedNumbers(['+1 (800) 555-0100', '020 7946 0958', 'helpdesk'], 'GB')]).toEqual([
      '+18005550100',
      '+442079460958',
    ]);
  });
});
