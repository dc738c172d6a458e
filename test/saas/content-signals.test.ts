// The abused-notification classes the first release missed, as whole messages (fixtures written from the
// platforms' documented formats): each is a danger, and each reason names its evidence.
import { describe, expect, it } from 'vitest';
import { codes, judgeFixture, topLevel } from './support/judge.ts';

describe('platform impersonation in a real GitHub issue, linking to a look-alike domain', () => {
  it('is a danger from an outside repository', async () => {
    const finding = await judgeFixture('github-abuse-issue-security-team.eml');
    expect(finding).toMatchObject({ platform: 'github', authentic: true, instance: 'sec-review-7781/notice', trusted: false });
    expect(topLevel(finding)).toBe('danger');
    expect(codes(finding)).toEqual(expect.arrayContaining(['saas-untrusted-instance:danger', 'saas-platform-impersonation:warning', 'saas-lookalike-link:warning']));
    expect(finding!.signals).toEqual(['saas-platform-impersonation', 'saas-lookalike-link']);
    const danger = finding!.reasons[0]!;
    expect(danger.message).toContain('a claim to speak for GitHub itself and links to a site named like GitHub');
    expect(finding!.reasons.find((r) => r.code === 'saas-lookalike-link')!.message).toContain('github-account-review.com');
  });

  it('is only a warning where the surface shows no headers, and nothing from a trusted organisation', async () => {
    const noHeaders = await judgeFixture('github-abuse-issue-security-team.eml', {}, (m) => {
      m.headers = [];
    });
    expect(topLevel(noHeaders)).toBe('warning');
    const trusted = await judgeFixture('github-abuse-issue-security-team.eml', { trustedGithubOrgs: ['sec-review-7781'] });
    expect(trusted!.reasons).toEqual([]);
  });
});

describe('a GitHub discussion that mentions dozens of accounts to announce a token allocation', () => {
  it('is a danger, with mass mentions, the giveaway and the shortened link each named', async () => {
    const finding = await judgeFixture('github-abuse-discussion-airdrop-mentions.eml');
    expect(finding).toMatchObject({ platform: 'github', authentic: true, instance: 'kestrel-sdk/kestrel' });
    expect(topLevel(finding)).toBe('danger');
    expect(finding!.signals).toEqual(expect.arrayContaining(['saas-mass-mentions', 'saas-crypto-giveaway', 'saas-redirect-link']));
    expect(codes(finding)).toEqual(expect.arrayContaining(['saas-mass-mentions:warning', 'saas-crypto-giveaway:warning', 'saas-redirect-link:caution']));
    expect(finding!.reasons.find((r) => r.code === 'saas-mass-mentions')!.message).toMatch(/^It mentions 37 different accounts/);
  });

  it('still warns on the mentions alone once the giveaway words and the "rewards" account name are gone', async () => {
    const finding = await judgeFixture('github-abuse-discussion-airdrop-mentions.eml', {}, (m) => {
      m.headers = m.headers.filter((h) => h.name.toLowerCase() !== 'x-github-sender');
      m.subject = '[kestrel-sdk/kestrel] Season 2 (Discussion #58)';
      m.text = m.text.replace(/Season 2 of[\s\S]*?bit\.ly\/\S+/, 'Thanks to everyone who helped this season.');
      m.links = [];
    });
    expect(finding!.signals).toEqual(['saas-mass-mentions']);
    expect(topLevel(finding)).toBe('warning');
  });
});
