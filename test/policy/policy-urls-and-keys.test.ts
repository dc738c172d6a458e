// Feed and report URLs must be https, except on this computer's loopback interface; every key the input
// sets is reported (an admin's malformed key stays locked), and managed_schema.json describes exactly them.
import { describe, expect, it } from 'vitest';
import { POLICY_KEYS, validatePolicy } from '../../shared/policy/validate-policy.ts';
import schema from '../../extension/managed_schema.json' with { type: 'json' };

describe('validatePolicy URLs', () => {
  it.each(['http://reports.example.com/r', 'http://10.0.0.5/r', 'http://[::2]/r', 'ftp://reports.example.com/r', 'http://127.0.0.1.evil.example/r'])(
    'refuses %s',
    (url) => {
      const { policy, errors } = validatePolicy({ reportEndpoint: url, feeds: [{ url }] });
      expect(policy.reportEndpoint).toBeUndefined();
      expect(policy.feeds).toEqual([]);
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatch(/https/);
    },
  );

  it.each(['https://reports.example.com/r', 'http://127.0.0.1:8080/r', 'http://127.3.4.5/r', 'http://[::1]:9/r', 'http://localhost:3000/r'])('accepts %s', (url) => {
    const { policy, errors } = validatePolicy({ reportEndpoint: url, feeds: [{ url }] });
    expect(errors).toEqual([]);
    expect(policy.reportEndpoint).toBe(url);
    expect(policy.feeds).toEqual([{ url }]);
  });
});

describe('validatePolicy set keys', () => {
  it('lists every key the input sets, malformed ones included', () => {
    const { setKeys, policy } = validatePolicy({ feedTtlDays: 'soon', trustedNumbers: ['+18005550100'], unknown: 1 });
    expect(setKeys.sort()).toEqual(['feedTtlDays', 'trustedNumbers']);
    expect(policy.feedTtlDays).toBeUndefined();
  });

  it('knows every key managed_schema.json describes', () => {
    expect([...POLICY_KEYS].sort()).toEqual(Object.keys(schema.properties).sort());
  });
});
