// Legitimate notifications written from the platforms' documented formats: none may warn.
import { describe, expect, it } from 'vitest';
import { codes, judgeFixture, topLevel } from './support/judge.ts';

const LEGITIMATE: [file: string, platform: string][] = [
  ['github-pull-request-review.eml', 'github'],
  ['github-issue-comment.eml', 'github'],
  ['github-release.eml', 'github'],
  ['github-dependabot-alert.eml', 'github'],
  ['github-actions-failure.eml', 'github'],
  ['jira-issue-assigned.eml', 'jira'],
  ['jira-customer-invite.eml', 'jira'],
  ['jira-customer-invite-vendor.eml', 'jira'],
  ['jira-request-update.eml', 'jira'],
  ['zendesk-ticket-update.eml', 'zendesk'],
];
const INVITES = new Set(['jira-customer-invite.eml', 'jira-customer-invite-vendor.eml']);

const ORGANISATION = {
  trustedGithubOrgs: ['example-corp'],
  trustedJiraSites: ['example.atlassian.net'],
  trustedZendeskTenants: ['example'],
};

describe('legitimate notifications', () => {
  for (const [file, platform] of LEGITIMATE) {
    it(`${file}: recognised as authentic ${platform}, and raises no warning with an empty policy`, async () => {
      const finding = await judgeFixture(file);
      expect(finding).toMatchObject({ platform, authentic: true, spoofed: false, mismatches: [] });
      expect(['none', 'caution'], codes(finding).join(', ')).toContain(topLevel(finding));
      // Only an invitation from an instance the policy does not name earns the quiet note.
      if (!INVITES.has(file)) expect(finding!.reasons).toEqual([]);
    });

    it(`${file}: raises nothing at all when it comes from the organisation's own instance`, async () => {
      const finding = await judgeFixture(file, ORGANISATION);
      if (file === 'jira-customer-invite-vendor.eml') expect(finding!.trusted).toBe(false);
      else expect(finding!.reasons).toEqual([]);
    });
  }

  it('the organisation\'s own service desk invite is trusted by the policy', async () => {
    expect(await judgeFixture('jira-customer-invite.eml', ORGANISATION)).toMatchObject({ trusted: true, reasons: [] });
    expect(await judgeFixture('github-dependabot-alert.eml', ORGANISATION)).toMatchObject({ trusted: true, instance: 'example-corp/checkout-web' });
  });
});
