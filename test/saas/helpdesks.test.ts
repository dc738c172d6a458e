import { describe, expect, it } from 'vitest';
import { codes, judgeFixture, topLevel } from './support/judge.ts';
import { analyseSaas } from '../../shared/saas/index.ts';
import { mail } from './support/mail.ts';

describe('help desks beyond Zendesk (Freshdesk, Help Scout, Zoho Desk, Intercom, HubSpot)', () => {
  it('reads an outside vendor\'s Freshdesk reply about a refund and a support line as ordinary', async () => {
    const finding = await judgeFixture('freshdesk-ticket-reply.eml');
    expect(finding).toMatchObject({ platform: 'freshdesk', authentic: true, instance: 'northwind.freshdesk.com', trusted: false, reasons: [] });
  });

  it('makes a Freshdesk auto-acknowledgement repeating a crypto "gas fee" lure a danger, and says whose words they are', async () => {
    const finding = await judgeFixture('freshdesk-abuse-autoreply-gas-fee.eml');
    expect(finding).toMatchObject({ platform: 'freshdesk', authentic: true, instance: 'lumencoffee.freshdesk.com' });
    expect(topLevel(finding)).toBe('danger');
    expect(codes(finding)).toEqual(expect.arrayContaining(['saas-untrusted-instance:danger', 'saas-echoed-request:warning']));
    expect(finding!.reasons[0]!.message).toContain('help desk lumencoffee.freshdesk.com');
  });

  it('trusts the organisation\'s own desk through policy.trustedSenders, by instance or by domain', async () => {
    for (const entry of ['lumencoffee.freshdesk.com', 'https://LumenCoffee.freshdesk.com/']) {
      const finding = await judgeFixture('freshdesk-abuse-autoreply-gas-fee.eml', { trustedSenders: [entry] });
      expect(finding, entry).toMatchObject({ trusted: true });
      // The repeated request is still someone else's text.
      expect(codes(finding), entry).toEqual(['saas-echoed-request:warning']);
    }
    const reply = await judgeFixture('freshdesk-ticket-reply.eml', { trustedSenders: ['example.org'] });
    expect(reply).toMatchObject({ trusted: false });
  });

  it('recognises the other desks by their signing domains and reads a desk sending from its customer\'s domain', () => {
    const cases: [string, string, string][] = [
      ['helpscout', 'support@brightline-outdoor.example', 'helpscout.net'],
      ['zohodesk', 'support@acme.zohodesk.com', 'zohodesk.com'],
      ['intercom', 'team@intercom-mail.com', 'intercom-mail.com'],
      ['hubspot', 'inbox@hubspot-inbox.com', 'hubspot-inbox.com'],
    ];
    for (const [platform, from, signer] of cases) {
      const message = mail({
        subject: 'Re: your question',
        from: { address: from, name: 'Acme Support' },
        text: 'Your wallet verification is pending. All unauthenticated wallets will be disabled soon.',
        headerLines: [`Authentication-Results: mx; dkim=pass header.d=${signer}; dmarc=pass header.from=${from.split('@')[1]}`, `DKIM-Signature: v=1; d=${signer}; s=k1; b=x`, ...(platform === 'helpscout' ? [`Return-Path: <bounce@helpscout.net>`] : [])],
      });
      const finding = analyseSaas(message, {}, []);
      expect(finding, platform).toMatchObject({ platform, authentic: true });
      expect(topLevel(finding), platform).toBe('danger');
    }
  });

  it('does not take a marketing newsletter signed by HubSpot or Intercom for a help desk', () => {
    const newsletter = mail({
      subject: 'Our November product update',
      from: { address: 'news@acme.example', name: 'Acme' },
      text: 'Exclusive holiday offer inside.',
      headerLines: ['Authentication-Results: mx; dkim=pass header.d=hubspotemail.net', 'DKIM-Signature: v=1; d=hubspotemail.net; s=hs1; b=x'],
    });
    expect(analyseSaas(newsletter, {}, [])).toBeUndefined();
  });
});
