import { describe, expect, it } from 'vitest';
import { policyProblemLines } from '../../cli/load-policy.ts';
import { validatePolicy } from '../../shared/policy/validate-policy.ts';

describe('the CLI names dropped policy settings in the reader\'s language (LANG)', () => {
  const { problems } = validatePolicy({ feedTtlDays: -3 });

  it('says it in German under de_DE, the checker\'s line kept as the technical detail', () => {
    const [line] = policyProblemLines('policy.json', problems, 'de-DE');
    expect(line).toMatch(/^ringfence: policy policy\.json: .*nicht verwendet/);
    expect(line).toContain('[feedTtlDays');
  });

  it('says it in English otherwise', () => {
    const [line] = policyProblemLines('policy.json', problems, 'en');
    expect(line).toMatch(/^ringfence: policy policy\.json: .*not used/);
  });
});
