import { describe, expect, it } from 'vitest';
import { findPlatformImpersonation } from '../../shared/saas/platform-impersonation.ts';
import { platformProfile } from '../../shared/saas/platform-profile.ts';

const github = platformProfile('github', 'GitHub');
const jira = platformProfile('jira', 'Jira');
const zendesk = platformProfile('zendesk', 'Zendesk');
const claims = (profile: typeof github, names: string[], texts: string[] = []) => findPlatformImpersonation({ profile, names, texts });

describe('platform impersonation in user-written content', () => {
  it('catches an author named as the platform\'s staff', () => {
    expect(claims(github, ['GitHub Security Team'])?.evidence).toMatch(/^GitHub Security/);
    expect(claims(jira, ['Atlassian Support'])?.code).toBe('saas-platform-impersonation');
    expect(claims(zendesk, ['Zendesk Trust & Safety'])).toBeDefined();
    expect(claims(github, ['Official GitHub'])).toBeDefined();
    expect(claims(github, ['G\u0456tHub Support'])).toBeDefined(); // Cyrillic і
  });

  it('catches text that speaks as the platform: signatures, "this is", "on behalf of"', () => {
    expect(claims(github, [], ['We detected a sign-in.\n\nThank you,\nGitHub Security Team\n'])?.evidence).toContain('GitHub Security Team');
    expect(claims(jira, [], ['This is Atlassian Support. Your site will be suspended.'])).toBeDefined();
    expect(claims(zendesk, [], ['Notice from the Zendesk Trust & Safety team: verify your agent account.'])).toBeDefined();
    expect(claims(github, [], ['We are writing on behalf of GitHub about your repository.'])).toBeDefined();
    expect(claims(github, [], ['GitHub has detected unusual activity on your account.'])).toBeDefined();
    expect(claims(github, [], ['Dear GitHub user, your account needs review.'])).toBeDefined();
  });

  it('leaves people talking about the platform, and the platform\'s own names, alone', () => {
    const texts = [
      'I asked GitHub Support and they confirmed a partial Actions outage.',
      'GitHub support for arm64 runners landed last week.',
      'This is the GitHub Security Lab advisory we discussed.',
      'This message was sent by Atlassian Jira (v1001.0.0).',
      'This email is a service from Acme Support. Delivered by Zendesk',
      'Powered by Jira Service Management',
    ];
    for (const text of texts) expect(claims(github, [], [text]), text).toBeUndefined();
    for (const text of texts) expect(claims(jira, [], [text]), text).toBeUndefined();
    for (const text of texts) expect(claims(zendesk, [], [text]), text).toBeUndefined();
    for (const name of ['Tomasz Nowak', 'dependabot[bot]', 'github-actions[bot]', 'Maria from TileCloud', 'Acme Support']) {
      expect(claims(github, [name]), name).toBeUndefined();
      expect(claims(zendesk, [name]), name).toBeUndefined();
    }
  });
});
