import { describe, expect, it } from 'vitest';
import { analyseSaas } from '../../shared/saas/index.ts';
import { codes, judgeFixture, topLevel } from './support/judge.ts';
import { mail } from './support/mail.ts';

describe('GitHub: abused notification', () => {
  it('is danger: real GitHub, repo outside the organisation, invoice and a number to call', async () => {
    const finding = await judgeFixture('github-abuse-commit-invoice-callback.eml');
    expect(finding).toMatchObject({
      platform: 'github',
      authentic: true,
      spoofed: false,
      instance: 'Accounts-Billing-Center/Receipt-0042',
      actor: '@acct-billing-0042',
      trusted: false,
    });
    expect(topLevel(finding)).toBe('danger');
    expect(codes(finding)).toEqual(['saas-untrusted-instance:danger', 'saas-semantic-mismatch:warning', 'saas-lookalike-instance:caution']);
    const kinds = finding!.mismatches.map((m) => m.kind);
    expect(kinds).toEqual(expect.arrayContaining(['phone-call', 'refund']));
    const danger = finding!.reasons[0]!;
    expect(danger.message).toMatch(/^This is a real GitHub notification, but it was written by an account outside your organisation \(repo Accounts-Billing-Center\/Receipt-0042, by @acct-billing-0042\), and it talks about .*a phone number to call\. GitHub does not send .* this way\.$/);
    expect(danger.evidence).toContain('+1 (808) 301-4471');
    expect(finding!.lookalike.join(' ')).toContain('"billing"');
  });

  it('raises nothing when the repository belongs to a trusted organisation', async () => {
    const finding = await judgeFixture('github-abuse-commit-invoice-callback.eml', { trustedGithubOrgs: ['accounts-billing-center'] });
    expect(finding).toMatchObject({ authentic: true, trusted: true, reasons: [] });
    expect(finding!.mismatches.length).toBeGreaterThan(0);
  });

  it('is only a warning when the surface shows no headers: the content still does not fit, the sender is unchecked', async () => {
    const finding = await judgeFixture('github-abuse-commit-invoice-callback.eml', {}, (m) => {
      m.headers = [];
    });
    expect(finding).toMatchObject({ platform: 'github', authentic: false, spoofed: false, instance: 'Accounts-Billing-Center/Receipt-0042' });
    expect(topLevel(finding)).toBe('warning');
    expect(finding!.reasons[0]!.message).toContain('its sender could not be checked');
  });
});

describe('GitHub: forgeries', () => {
  it('calls a look-alike sending domain a spoof', async () => {
    const finding = await judgeFixture('github-spoof-lookalike-domain.eml');
    expect(finding).toMatchObject({ platform: 'github', authentic: false, spoofed: true, instance: 'github-notices.com' });
    expect(finding!.reasons[0]).toMatchObject({ code: 'saas-spoofed-notification' });
    expect(finding!.reasons[0]!.message).toContain('github-notices.com, which is not a GitHub domain');
    expect(['warning', 'danger']).toContain(topLevel(finding));
  });

  it('calls notifications@github.com without a GitHub signature a spoof, and a danger with a lure', async () => {
    const finding = await judgeFixture('github-spoof-dkim-fail.eml');
    expect(finding).toMatchObject({ platform: 'github', authentic: false, spoofed: true });
    expect(codes(finding)[0]).toBe('saas-spoofed-notification:danger');
    expect(finding!.reasons[0]!.message).toContain('GitHub did not send it');
  });
});

describe('GitHub: what is not a GitHub notification', () => {
  it('ignores mail that only talks about GitHub (an ASF GitBox relay)', () => {
    const relay = mail({
      subject: '[GitHub] hboutemy closed pull request #13: Allow commit comments',
      from: { address: 'git@apache.org', name: 'GitBox' },
      text: 'hboutemy closed pull request #13\nURL: https://github.com/apache/maven-release/pull/13',
      headerLines: ['List-Id: "Maven Developers List" <dev.maven.apache.org>', 'Message-ID: <150951629010.5809.56@gitbox.apache.org>'],
    });
    expect(analyseSaas(relay, {}, [])).toBeUndefined();
  });

  it('treats GitHub\'s own account mail as GitHub, with no instance to distrust and no billing misfit', () => {
    const receipt = mail({
      subject: '[GitHub] Payment Receipt for example-dev',
      from: { address: 'noreply@github.com', name: 'GitHub' },
      text: 'We received your payment of $4.00 for GitHub Pro. Your receipt is attached.',
      headerLines: ['Authentication-Results: mx; dkim=pass header.d=github.com; dmarc=pass header.from=github.com'],
    });
    const finding = analyseSaas(receipt, {}, []);
    expect(finding).toMatchObject({ platform: 'github', authentic: true, instance: 'github.com', reasons: [] });
  });

  it('does not vouch for GitHub Enterprise Server mail, nor call it a forgery', () => {
    const ghes = mail({
      subject: '[platform/api] Fix pagination (PR #12)',
      from: { address: 'noreply@github.example-corp.com', name: 'Dana' },
      messageId: '<platform/api/pull/12@github.example-corp.com>',
      text: 'Dana approved these changes.',
      headerLines: [
        'Authentication-Results: mx.example-corp.com; dkim=pass header.d=example-corp.com; dmarc=pass header.from=github.example-corp.com',
        'X-GitHub-Reason: review_requested',
        'X-GitHub-Sender: dana',
      ],
    });
    expect(analyseSaas(ghes, {}, [])).toMatchObject({ platform: 'github', authentic: false, spoofed: false, instance: 'platform/api', reasons: [] });
  });

  it('calls GitHub headers and github.com message ids from another domain a forgery', () => {
    const forged = mail({
      subject: '[acme/app] Your invoice is ready (Issue #3)',
      from: { address: 'notifications@mailer.example', name: 'GitHub' },
      messageId: '<acme/app/issues/3@github.com>',
      text: 'Your invoice INV-3321 is attached. Call +1 (808) 301-4471 with questions.',
      headerLines: [
        'Authentication-Results: mx; dkim=pass header.d=mailer.example; dmarc=pass header.from=mailer.example',
        'X-GitHub-Reason: mention',
      ],
    });
    const finding = analyseSaas(forged, {}, []);
    expect(finding).toMatchObject({ platform: 'github', authentic: false, spoofed: true });
    expect(finding!.reasons[0]).toMatchObject({ code: 'saas-spoofed-notification', level: 'danger' });
  });
});

describe('GitHub: push e-mails (the commit-message family)', () => {
  it('is danger: a push summary from noreply@github.com whose commit message is an invoice, from a billing-named owner', async () => {
    const finding = await judgeFixture('github-abuse-push-invoice.eml');
    expect(finding).toMatchObject({ platform: 'github', authentic: true, instance: 'Invoice-Billing-Desk/Payment07', trusted: false });
    expect(finding!.mismatches.map((m) => m.kind)).toContain('invoice');
    expect(finding!.lookalike.join(' ')).toContain('"invoice"');
    expect(topLevel(finding)).toBe('danger');
    expect(finding!.reasons[0]!.message).toContain('(repo Invoice-Billing-Desk/Payment07)');
    expect(finding!.reasons[0]!.message).toContain('GitHub does not send invoices this way.');
  });
});

describe('GitHub: policy', () => {
  it('accepts organisation names as written by admins', async () => {
    for (const org of ['Accounts-Billing-Center', '@accounts-billing-center', 'https://github.com/Accounts-Billing-Center', ' accounts-billing-center ']) {
      const finding = await judgeFixture('github-abuse-commit-invoice-callback.eml', { trustedGithubOrgs: [org] });
      expect(finding?.trusted, org).toBe(true);
    }
    expect((await judgeFixture('github-abuse-commit-invoice-callback.eml', { trustedGithubOrgs: ['accounts-billing'] }))?.trusted).toBe(false);
  });
});
