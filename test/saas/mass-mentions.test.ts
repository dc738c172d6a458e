import { describe, expect, it } from 'vitest';
import { findMassMentions } from '../../shared/saas/mass-mentions.ts';
import { platformProfile } from '../../shared/saas/platform-profile.ts';
import { mail } from './support/mail.ts';

const github = platformProfile('github', 'GitHub');
const handles = (n: number) => Array.from({ length: n }, (_, i) => `@user-${i}`).join(' ');
const issue = (text: string, kind = 'issues/7') => mail({ text, headerLines: [`Message-ID: <acme/app/${kind}/1@github.com>`] });

describe('mass @-mentions', () => {
  it('flags an issue or discussion that mentions dozens of accounts', () => {
    const found = findMassMentions(issue(`Winners: ${handles(30)}`), github);
    expect(found).toMatchObject({ code: 'saas-mass-mentions', weak: false, lure: false });
    expect(found!.evidence).toMatch(/^30 accounts: @user-0, @user-1/);
    expect(findMassMentions(issue(handles(25), 'repo-discussions/58'), github)).toBeDefined();
  });

  it('counts accounts, not mentions, and not e-mail addresses', () => {
    expect(findMassMentions(issue(Array(40).fill('@same-person').join(' ')), github)).toBeUndefined();
    const addresses = Array.from({ length: 30 }, (_, i) => `dev${i}@example.com`).join(', ');
    expect(findMassMentions(issue(`cc ${addresses}`), github)).toBeUndefined();
  });

  it('leaves a few cc\'d reviewers, release notes crediting contributors, and other platforms alone', () => {
    expect(findMassMentions(issue(`cc ${handles(8)}`), github)).toBeUndefined();
    expect(findMassMentions(issue(handles(40), 'releases'), github)).toBeUndefined();
    expect(findMassMentions(issue(handles(40)), platformProfile('zendesk', 'Zendesk'))).toBeUndefined();
  });
});
