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

describe('the content checks on hostile input', () => {
  const notification = (text: string, name = 'Someone') =>
    mail({
      subject: '[acme/app] hello (Issue #1)',
      from: { address: 'notifications@github.com', name },
      text,
      headerLines: ['Message-ID: <acme/app/issues/1@github.com>', 'Authentication-Results: mx; dkim=pass header.d=github.com'],
    });
  const cases: [string, string][] = [
    ['white space after a signature', `Regards${' '.repeat(100_000)}x`],
    ['white space after a staff line', `GitHub security${' '.repeat(100_000)}x`],
    ['a staff word repeated on one line', `GitHub ${'security '.repeat(20_000)}x`],
    ['at signs and dots', ` @a${'.b'.repeat(50_000)} ${'@x '.repeat(30_000)}`],
    ['a giant link', `https://go.example.online/${'a'.repeat(100_000)}?url=${'https://'.repeat(10_000)}`],
    ['many links', 'https://bit.ly/abc https://github-x.com/ '.repeat(5_000)],
    ['acknowledgement words', `we have received ${'your request '.repeat(20_000)}`],
  ];
  for (const [label, text] of cases) {
    it(`stays fast on ${label}`, () => {
      const started = performance.now();
      const finding = analyseSaas(notification(text, `GitHub Security${' '.repeat(50_000)}x`), {}, []);
      expect(performance.now() - started, label).toBeLessThan(3_000);
      expect(finding?.platform).toBe('github');
    });
  }
});
