import { describe, expect, it } from 'vitest';
import { analyseSaas } from '../../shared/saas/index.ts';
import { codes, judgeFixture, topLevel } from './support/judge.ts';
import { mail } from './support/mail.ts';

describe('Zendesk', () => {
  it('is danger: a real ticket from a generated help desk asking for the wallet recovery phrase', async () => {
    const finding = await judgeFixture('zendesk-abuse-ticket-wallet.eml');
    expect(finding).toMatchObject({ platform: 'zendesk', authentic: true, instance: 'qzvtrkpl.zendesk.com', actor: 'Ledger Security', trusted: false });
    expect(topLevel(finding)).toBe('danger');
    expect(finding!.reasons[0]!.message).toMatch(/^This is a real Zendesk notification, but it comes from a help desk your organisation does not use \(help desk qzvtrkpl\.zendesk\.com, signed "Ledger Security"\)/);
    expect(finding!.lookalike.join(' ')).toContain('randomly generated');
  });

  it('lets a support agent talk about invoices, refunds and a phone number', async () => {
    const finding = await judgeFixture('zendesk-ticket-update.eml');
    expect(finding).toMatchObject({ platform: 'zendesk', authentic: true, instance: 'tilecloud.zendesk.com', reasons: [] });
  });

  it('trusts the organisation\'s own tenant', async () => {
    const finding = await judgeFixture('zendesk-abuse-ticket-wallet.eml', { trustedZendeskTenants: ['qzvtrkpl'] });
    expect(finding).toMatchObject({ trusted: true, reasons: [] });
  });

  it('calls a look-alike Zendesk domain a spoof, and a danger when it sends the reader to the look-alike', async () => {
    const finding = await judgeFixture('zendesk-spoof-lookalike-domain.eml');
    expect(finding).toMatchObject({ platform: 'zendesk', authentic: false, spoofed: true });
    expect(codes(finding)).toEqual(['saas-spoofed-notification:danger', 'saas-lookalike-link:warning', 'saas-lookalike-instance:caution']);
    const withoutLink = await judgeFixture('zendesk-spoof-lookalike-domain.eml', {}, (m) => {
      m.text = m.text.replace(/https:\/\/\S+/g, '');
      m.links = [];
    });
    expect(codes(withoutLink)[0]).toBe('saas-spoofed-notification:warning');
    expect(codes(withoutLink)).not.toContain('saas-lookalike-link:warning');
  });

  it('reads a help desk that sends from its own signed domain, and its "create a password" invite', () => {
    const invite = mail({
      subject: 'Create a password for Cashback Rewards Center',
      from: { address: 'support@rewards-center.example', name: 'Tether Cashback' },
      messageId: '<6511b7f584d_3f468c83854ed_sprut@zendesk.com>',
      text: 'Welcome to Cashback Rewards Center. Please click the link below to create a password and login.\nhttps://rewardscenter.zendesk.com/verification/email/abc\n',
      headerLines: [
        'Authentication-Results: mx; dkim=pass header.d=zendesk.com; dmarc=pass header.from=rewards-center.example',
        'X-Mailer: Zendesk Mailer',
        'X-Zendesk-Priority-Mail: Verification Email',
      ],
    });
    const finding = analyseSaas(invite, {}, []);
    expect(finding).toMatchObject({ platform: 'zendesk', authentic: true, instance: 'rewardscenter.zendesk.com' });
    expect(topLevel(finding)).toBe('danger');
    expect(finding!.mismatches.map((m) => m.kind)).toContain('crypto');
  });

  it('warns about a plain invite from a help desk the organisation does not own, and not once it is trusted', () => {
    const invite = mail({
      subject: 'Create a password for Northwind Traders',
      from: { address: 'support@northwind.zendesk.com', name: 'Northwind Traders' },
      text: 'Welcome to Northwind Traders. Please click the link below to create a password and sign-in.',
      headerLines: ['Authentication-Results: mx; dkim=pass header.d=zendesk.com; dmarc=pass header.from=northwind.zendesk.com', 'X-Delivery-Context: verify-email-1234'],
    });
    const finding = analyseSaas(invite, {}, []);
    expect(topLevel(finding)).toBe('warning');
    expect(analyseSaas(invite, { trustedZendeskTenants: ['northwind.zendesk.com'] }, [])?.reasons).toEqual([]);
  });
});

describe('Zendesk: invitations from dressed-up help desks', () => {
  it('warns about an invite from a generated tenant even with nothing else in it', () => {
    const invite = mail({
      subject: 'Create a password for Support',
      from: { address: 'support@qzvtrkplm.zendesk.com', name: 'Support' },
      text: 'Welcome to Support. Please click the link below to create a password and sign-in.',
      headerLines: ['Authentication-Results: mx; dkim=pass header.d=zendesk.com; dmarc=pass header.from=qzvtrkplm.zendesk.com', 'X-Zendesk-Priority-Mail: Verification Email'],
    });
    const finding = analyseSaas(invite, {}, []);
    expect(finding!.reasons[0]).toMatchObject({ code: 'saas-untrusted-instance', level: 'warning' });
    expect(finding!.lookalike.join(' ')).toContain('randomly generated');
  });
});

describe('Zendesk: what is not a claim', () => {
  it('does not treat a newsletter whose replies go to a help desk as Zendesk mail', () => {
    const newsletter = mail({
      subject: 'Exclusive bonus offer for members',
      from: { address: 'news@shop.example', name: 'Shop' },
      replyTo: [{ address: 'support@shop.zendesk.com', name: 'Shop support' }],
      text: 'An exclusive bonus offer for our members this week.',
      headerLines: ['Authentication-Results: mx; dkim=pass header.d=shop.example; dmarc=pass header.from=shop.example'],
    });
    expect(analyseSaas(newsletter, {}, [])).toBeUndefined();
  });
});
