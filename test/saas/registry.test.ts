import { describe, expect, it } from 'vitest';
import { addPlatform, analyseSaas, platformRules } from '../../shared/saas/index.ts';
import { isWithin, senderAddresses, domainOf } from '../../shared/mail-auth/headers.ts';
import { mail } from './support/mail.ts';

describe('platform registry', () => {
  it('holds one rule per platform, each registered by its own file', () => {
    expect(platformRules().map((r) => r.id)).toEqual(['github', 'jira', 'zendesk', 'freshdesk', 'helpscout', 'zohodesk', 'intercom', 'hubspot', 'google', 'paypal', 'square', 'intuit', 'stripe', 'invoiceninja', 'zohoinvoice']);
  });

  it('refuses to register a platform twice', () => {
    expect(() => addPlatform({ id: 'github', name: 'GitHub', match: () => undefined })).toThrow(/twice/);
  });

  it('consults a fourth platform added with one call', () => {
    addPlatform({
      id: 'acmedesk',
      name: 'AcmeDesk',
      match: (message) =>
        isWithin(domainOf(senderAddresses(message).from), 'acmedesk.example')
          ? {
              authentic: true,
              spoofed: false,
              authEvidence: 'test',
              instance: 'tenant.acmedesk.example',
              instanceLabel: 'tenant tenant.acmedesk.example',
              trusted: false,
              kind: 'notification',
              unfitting: ['crypto'],
              names: [],
              outsider: 'it comes from a tenant your organisation does not use',
            }
          : undefined,
    });
    const message = mail({ from: { address: 'notify@tenant.acmedesk.example', name: '' }, text: 'Connect your wallet to claim your reward.' });
    const finding = analyseSaas(message, {}, []);
    expect(finding).toMatchObject({ platform: 'acmedesk', instance: 'tenant.acmedesk.example' });
    expect(finding!.reasons[0]).toMatchObject({ code: 'saas-untrusted-instance', level: 'danger' });
    expect(finding!.reasons[0]!.message).toContain('AcmeDesk does not send crypto offers this way');
  });

  it('returns undefined for ordinary mail', () => {
    expect(analyseSaas(mail({ from: { address: 'friend@example.org', name: 'A friend' }, text: 'Lunch?' }), {}, [])).toBeUndefined();
  });
});
