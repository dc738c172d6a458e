import { describe, expect, it } from 'vitest';
import { analyseSaas } from '../../shared/saas/index.ts';
import { mail } from './support/mail.ts';

describe('analyseSaas on hostile input', () => {
  it('copes with huge and malformed headers quickly', () => {
    const junk = 'a=b; ('.repeat(50_000);
    const message = mail({
      subject: `[${'x'.repeat(100_000)}/${'y'.repeat(100_000)}] ${'claim '.repeat(100_000)}`,
      from: { address: 'notifications@github.com', name: 'n'.repeat(100_000) },
      messageId: '<<<@@@>>>',
      text: 'Connect your wallet. '.repeat(50_000),
      headerLines: [
        `Authentication-Results: ${junk}`,
        `DKIM-Signature: ${'d='.repeat(50_000)}`,
        `List-ID: <${'.'.repeat(100_000)}github.com>`,
        `X-GitHub-Sender: ${'s'.repeat(100_000)}`,
        'Return-Path: <>',
        'Reply-To: @@@',
      ],
    });
    const started = performance.now();
    const finding = analyseSaas(message, {}, []);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(finding?.platform).toBe('github');
  });

  it('copes with a message that has nothing in it', () => {
    expect(analyseSaas(mail({}), {}, [])).toBeUndefined();
    expect(analyseSaas(mail({ from: { address: '', name: '' }, headerLines: ['From:', 'Authentication-Results:', 'X-GitHub-Reason:'] }), {}, [])).toMatchObject({
      platform: 'github',
      authentic: false,
    });
  });

  it('ignores policy entries of the wrong shape', () => {
    const message = mail({ from: { address: 'support@acme.zendesk.com', name: 'Acme' }, headerLines: ['X-Mailer: Zendesk Mailer'] });
    expect(analyseSaas(message, { trustedZendeskTenants: [' ACME '], trustedGithubOrgs: [], trustedJiraSites: [''] }, [])).toMatchObject({ trusted: true });
  });
});
