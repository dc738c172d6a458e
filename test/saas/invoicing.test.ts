import { describe, expect, it } from 'vitest';
import { analyseSaas } from '../../shared/saas/index.ts';
import { merchantName } from '../../shared/saas/invoicing.ts';
import { codes, judgeFixture, topLevel } from './support/judge.ts';
import { mail } from './support/mail.ts';

describe('invoicing platforms (PayPal, Square, QuickBooks, Stripe, Invoice Ninja, Zoho Invoice)', () => {
  it('reads a real invoice whose seller gives a number for delivery questions as ordinary', async () => {
    const finding = await judgeFixture('paypal-invoice.eml');
    expect(finding).toMatchObject({ platform: 'paypal', authentic: true, instance: 'merchant "Brightline Outdoor"', reasons: [] });
  });

  it('makes a real invoice from a private merchant about a Geek Squad renewal, with a number to call, a danger', async () => {
    const finding = await judgeFixture('paypal-abuse-invoice-geek-squad.eml');
    expect(finding).toMatchObject({ platform: 'paypal', authentic: true, instance: 'merchant "Harold Benson"' });
    expect(topLevel(finding)).toBe('danger');
    expect(codes(finding)).toEqual(expect.arrayContaining(['saas-untrusted-instance:danger', 'saas-brand-not-merchant:warning']));
    const brand = finding!.reasons.find((r) => r.code === 'saas-brand-not-merchant')!;
    expect(brand.message).toContain('comes from the merchant "Harold Benson", but it talks about Geek Squad');
    expect(brand.evidence).toContain('+1 (808) 301-5520');
  });

  it('trusts the organisation\'s own merchants through policy.trustedSenders', async () => {
    const finding = await judgeFixture('paypal-abuse-invoice-geek-squad.eml', { trustedSenders: ['Harold Benson'] });
    expect(finding).toMatchObject({ trusted: true, reasons: [] });
  });

  it('finds the merchant in each platform\'s subject shape', () => {
    const of = (subject: string, name = '', platform = 'PayPal') => merchantName(mail({ subject, from: { address: 'x@paypal.com', name } }), platform);
    expect(of('Invoice from Acme Ltd (#INV2-7KQ4)')).toBe('Acme Ltd');
    expect(of('Acme Ltd sent you an invoice for $20.00 USD')).toBe('Acme Ltd');
    expect(of('Invoice 1001 from Acme Ltd', '', 'QuickBooks')).toBe('Acme Ltd');
    expect(of('Your invoice from Acme Ltd #ABCD-0001', '', 'Stripe')).toBe('Acme Ltd');
    expect(of('Acme Ltd is requesting $40.00', '', 'PayPal')).toBe('Acme Ltd');
    expect(of('New invoice', 'Acme Ltd via Square', 'Square')).toBe('Acme Ltd');
  });

  it('treats the platform\'s own receipts as its own mail, and a look-alike sender claiming it as a spoof', () => {
    const receipt = mail({
      subject: 'You sent a payment of $25.00 USD to Acme Ltd',
      from: { address: 'service@paypal.com', name: 'PayPal' },
      text: 'You sent a payment of $25.00 USD to Acme Ltd. Questions? Call us at +1 888 221 1161.',
      headerLines: ['Authentication-Results: mx; dkim=pass header.d=paypal.com; dmarc=pass header.from=paypal.com'],
    });
    expect(analyseSaas(receipt, {}, [])).toMatchObject({ platform: 'paypal', authentic: true, reasons: [] });
    const spoof = mail({ subject: 'PayPal: invoice from Billing Dept', from: { address: 'service@paypal-billing.example', name: 'PayPal' }, text: 'Pay now.' });
    expect(analyseSaas(spoof, {}, [])).toMatchObject({ platform: 'paypal', spoofed: true });
    const unrelated = mail({ subject: 'Autumn sale', from: { address: 'news@stripes.example', name: 'Stripes Shop' }, text: 'New socks.' });
    expect(analyseSaas(unrelated, {}, [])).toBeUndefined();
  });
});

describe('a reseller naming a brand is not a callback lure (issue #17)', () => {
  it('keeps a computer shop invoicing a Norton 360 licence, its own phone in the footer, at a caution', async () => {
    const finding = await judgeFixture('invoiceninja-reseller-norton.eml');
    expect(finding).toMatchObject({ platform: 'invoiceninja', authentic: true, instance: 'merchant "Byte Corner Computers"', mismatches: [] });
    expect(codes(finding)).toEqual(['saas-brand-not-merchant:caution']);
    expect(finding!.reasons[0]!.message).toContain('Shops do resell Norton');
  });

  it('makes the same invoice a danger once the number is for cancelling or disputing a charge', async () => {
    const finding = await judgeFixture('invoiceninja-reseller-norton.eml', {}, (m) => {
      m.text = m.text.replace('Questions about your order? Call us at', "Didn't order this? To cancel and get a refund call us at");
    });
    expect(topLevel(finding)).toBe('danger');
    expect(codes(finding)).toEqual(expect.arrayContaining(['saas-untrusted-instance:danger', 'saas-brand-not-merchant:warning']));
  });

  it('makes invoices that ask to call about an unrecognised charge a danger on every platform', async () => {
    for (const file of ['paypal-abuse-invoice-geek-squad.eml', 'square-abuse-invoice-norton.eml', 'quickbooks-abuse-geek-squad-cancel.eml', 'zohoinvoice-abuse-norton-dispute.eml']) {
      const finding = await judgeFixture(file);
      expect(codes(finding), file).toEqual(expect.arrayContaining(['saas-untrusted-instance:danger', 'saas-brand-not-merchant:warning']));
    }
  });

  it("reads a merchant's receipt as the merchant's text", async () => {
    const finding = await judgeFixture('square-receipt-restaurant.eml');
    expect(finding).toMatchObject({ platform: 'square', instance: 'merchant "Luna Taqueria"', reasons: [] });
  });
});
