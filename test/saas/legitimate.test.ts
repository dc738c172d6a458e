// Legitimate notifications written from the platforms' documented formats: none may warn.
import { describe, expect, it } from 'vitest';
import { codes, judgeFixture, topLevel } from './support/judge.ts';

const LEGITIMATE: [file: string, platform: string][] = [
  ['github-pull-request-review.eml', 'github'],
  ['github-issue-comment.eml', 'github'],
  ['github-release.eml', 'github'],
  ['github-dependabot-alert.eml', 'github'],
  ['github-actions-failure.eml', 'github'],
  ['github-release-contributors.eml', 'github'],
  ['github-issue-comment-about-support.eml', 'github'],
  ['jira-issue-assigned.eml', 'jira'],
  ['jira-customer-invite.eml', 'jira'],
  ['jira-customer-invite-vendor.eml', 'jira'],
  ['jira-request-update.eml', 'jira'],
  ['zendesk-ticket-update.eml', 'zendesk'],
  ['zendesk-autoreply-request-received.eml', 'zendesk'],
];
const INVITES = new Set(['jira-customer-invite.eml', 'jira-customer-invite-vendor.eml']);

const ORGANISATION = {
  trustedGithubOrgs: ['example-corp'],
  trustedJiraSites: ['example.atlassian.net'],
  trustedZendeskTenants: ['example'],
};

describe('legitimate notifications', () => {
  for (const [file, platform] of LEGITIMATE) {
    it(`${file}: recognised as authentic ${platform}; no warning with an empty policy unless it is an outside invite`, async () => {
      const finding = await judgeFixture(file);
      expect(finding).toMatchObject({ platform, authentic: true, spoofed: false, mismatches: [] });
      // An invitation from an instance the policy does not name is the help-desk abuse's first step: it warns,
      // telling the reader to ignore it if they did not ask for it. Everything else raises nothing.
      if (INVITES.has(file)) expect(codes(finding)[0]).toBe('saas-untrusted-instance:warning');
      else expect(finding!.reasons).toEqual([]);
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
