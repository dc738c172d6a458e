import { describe, expect, it } from 'vitest';
import { extractLure } from '../../shared/lure/index.ts';
import { kindsIn } from './helpers.ts';

describe('business contexts', () => {
  const cases: [string, string][] = [
    ['invoice', 'Please find your Invoice No. AXRT1121 attached.'],
    ['invoice', 'This e-receipt confirms your purchase.'],
    ['renewal', 'Your membership has been successfully renewed.'],
    ['renewal', 'Your plan will auto-renew on May 14.'],
    ['subscription', 'Your 2-year subscription is active.'],
    ['subscription', 'Activation key: K8D3-N5X0-R4V9-L7H2'],
    ['order', 'Order Number: #441243'],
    ['order', 'Once your shipment leaves our warehouse'],
    ['payment', 'Payment Method: Auto Debit'],
    ['refund', 'You will get a full refund of your amount.'],
    ['purchase', 'We would like to inform you about your recent purchase.'],
    ['charge', 'You have been charged $299.95.'],
    ['charge', 'The charge will appear on your statement.'],
    ['debit', 'An amount of $427.55 will be debited within 24 hours.'],
    ['security-alert', 'Threat detected: your device is infected with a virus.'],
    ['login-alert', 'A new login attempt has been detected on your account.'],
    ['login-alert', 'Unusual sign-in activity from a new device.'],
    ['account-lock', 'Your account has been temporarily suspended.'],
    ['account-lock', 'We have restricted your account until you verify.'],
    ['support', 'Please contact our Billing Department.'],
    ['support', 'Our customer care representative will help.'],
    ['crypto', 'Your Bitcoin wallet received 0.94 BTC.'],
  ];
  it.each(cases)('%s: %s', (kind, text) => {
    expect(kindsIn(text, 'contexts')).toContain(kind);
  });

  it('leaves ordinary phrases alone', () => {
    expect(kindsIn('In order to build the kernel, run make.', 'contexts')).toEqual([]);
    expect(kindsIn('He is in charge of the mailing list.', 'contexts')).toEqual([]);
    expect(kindsIn('Bill Gates spoke at the conference.', 'contexts')).toEqual([]);
  });
});

describe('psychological triggers', () => {
  const cases: [string, string][] = [
    ['urgency', 'Contact us within 24 hours.'],
    ['urgency', 'Please call us immediately.'],
    ['urgency', 'The charge will show within the next 24 to 48 hrs.'],
    ['urgency', 'A payment will be processed today for your renewal.'],
    ['fear', 'We detected unauthorized access.'],
    ['fear', 'Suspicious activity on your account.'],
    ['fear', 'This may be fraud.'],
    ['fear', 'A login from an unrecognized device.'],
    ['confusion', 'If you did not make this purchase, call us.'],
    ['confusion', "If this wasn't you, please call us."],
    ['confusion', 'If you didn’t authorize this transaction'],
    ['confusion', 'If this charge was unexpected, contact us.'],
    ['relief', 'Call us to cancel the order.'],
    ['relief', 'To get a refund, speak to an agent.'],
    ['relief', 'You have 24 hours to raise a dispute.'],
    ['relief', 'Make sure you call us to avoid any recurring payment.'],
  ];
  it.each(cases)('%s: %s', (kind, text) => {
    expect(kindsIn(text, 'triggers')).toContain(kind);
  });

  it('finds triggers through homoglyphs and zero-width characters', () => {
    expect(kindsIn('Susp\u0456c\u200bious activity detected', 'triggers')).toContain('fear');
    expect(kindsIn('I\u034Ff\u034F y\u034Fo\u034Fu\u034F d\u034Fo\u034F n\u034Fo\u034Ft\u034F make this order', 'triggers')).toContain('confusion');
  });
});

describe('evidence', () => {
  it('is a short plain-text snippet around the phrase, one hit per kind and part', () => {
    const text = `${'filler words here '.repeat(20)}your account has been SUSPENDED for unauthorized use.${' more filler'.repeat(20)}`;
    const lure = extractLure(
      [
        { id: 'subject', text: 'Account suspended' },
        { id: 'body', text },
      ],
      [],
    );
    const locks = lure.contexts.filter((c) => c.kind === 'account-lock');
    expect(locks.map((c) => c.part)).toEqual(['subject', 'body']);
    for (const hit of [...lure.contexts, ...lure.triggers]) {
      expect(hit.evidence.length).toBeLessThanOrEqual(120);
      expect(hit.evidence).not.toMatch(/\s{2}|[\u200b<>]/);
    }
    expect(locks[1]!.evidence).toContain('account has been SUSPENDED');
  });
});
