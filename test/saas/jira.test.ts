import { describe, expect, it } from 'vitest';
import { analyseSaas } from '../../shared/saas/index.ts';
import { codes, judgeFixture, topLevel } from './support/judge.ts';
import { mail } from './support/mail.ts';

describe('Jira', () => {
  it('is danger: a real customer invite whose project name and welcome message carry a callback lure', async () => {
    const finding = await judgeFixture('jira-abuse-invite-billing-callback.eml');
    expect(finding).toMatchObject({ platform: 'jira', authentic: true, spoofed: false, instance: 'invoice-helpdesk.atlassian.net', trusted: false });
    expect(topLevel(finding)).toBe('danger');
    expect(codes(finding)[0]).toBe('saas-untrusted-instance:danger');
    expect(finding!.reasons[0]!.message).toContain('project "Norton Billing Department"');
    expect(finding!.mismatches.map((m) => m.kind)).toEqual(expect.arrayContaining(['renewal', 'phone-call']));
    expect(finding!.lookalike.join(' ')).toMatch(/"invoice".*Norton|Norton.*"invoice"/s);
  });

  it('recognises an issue notification and its site', async () => {
    const finding = await judgeFixture('jira-issue-assigned.eml');
    expect(finding).toMatchObject({ platform: 'jira', authentic: true, instance: 'example.atlassian.net', actor: 'Alice Martin', reasons: [] });
  });

  it('trusts the organisation\'s own site, given as a host or a bare site name', async () => {
    for (const site of ['example.atlassian.net', 'example', 'https://example.atlassian.net/']) {
      const finding = await judgeFixture('jira-customer-invite.eml', { trustedJiraSites: [site] });
      expect(finding, site).toMatchObject({ trusted: true, reasons: [] });
    }
  });

  it('warns about an invitation from a service desk the organisation does not own', async () => {
    const finding = await judgeFixture('jira-customer-invite-vendor.eml');
    expect(finding).toMatchObject({ platform: 'jira', authentic: true, instance: 'tilecloud.atlassian.net', trusted: false, mismatches: [] });
    expect(topLevel(finding)).toBe('warning');
    expect(codes(finding)[0]).toBe('saas-untrusted-instance:warning');
    expect(finding!.reasons[0]!.message).toMatch(/If you did not ask for it, ignore it/);
  });

  it('calls a look-alike Atlassian domain a spoof', () => {
    const spoof = mail({
      subject: '[JIRA] (FIN-12) Invoice overdue',
      from: { address: 'jira@atlassian-billing.com', name: 'Accounts (Jira)' },
      text: 'Your invoice INV-2201 is overdue. Call +1 (808) 301-4471 to avoid suspension.',
      headerLines: ['Authentication-Results: mx; dkim=pass header.d=atlassian-billing.com; dmarc=pass header.from=atlassian-billing.com'],
    });
    const finding = analyseSaas(spoof, {}, []);
    expect(finding).toMatchObject({ platform: 'jira', spoofed: true, authentic: false });
    expect(codes(finding)[0]).toBe('saas-spoofed-notification:danger');
  });

  it('reads self-hosted Jira (X-JIRA-FingerPrint, the company\'s own signed domain) as authentic', () => {
    const dc = mail({
      subject: '[JIRA] (OPS-7) Disk full on build agent',
      from: { address: 'jira@jira.example-corp.com', name: 'Ops Bot (JIRA)' },
      text: 'Ops Bot created OPS-7.',
      headerLines: [
        'Authentication-Results: mx.example-corp.com; dkim=pass header.d=jira.example-corp.com; dmarc=pass header.from=jira.example-corp.com',
        'X-JIRA-FingerPrint: 1c2d3e4f',
      ],
    });
    expect(analyseSaas(dc, {}, [])).toMatchObject({ platform: 'jira', authentic: true, spoofed: false, instance: 'jira.example-corp.com', reasons: [] });
  });
});

describe('Jira: invitations are told apart from issue notifications', () => {
  it('does not take an issue that mentions signing up for an invitation', () => {
    const issue = mail({
      subject: '[JIRA] (WEB-88) Sign up form rejects plus addresses',
      from: { address: 'jira@example.atlassian.net', name: 'Ravi Patel (Jira)' },
      text: 'Ravi Patel created WEB-88. Users cannot sign up with an address like a+b@example.com.',
      headerLines: ['Authentication-Results: mx; dkim=pass header.d=atlassian.net; dmarc=pass header.from=example.atlassian.net', 'X-JIRA-FingerPrint: 99'],
    });
    expect(analyseSaas(issue, {}, [])).toMatchObject({ platform: 'jira', authentic: true, reasons: [] });
  });
});
