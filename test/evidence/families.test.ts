// The families of mail issue #9 describes, through scan(): legitimate receipts, newsletters, list replies and
// vendor mail with phone numbers stay below warning; callback lures, including display-name-only
// impersonation, warn. Every message is written here; none is a corpus file.
import { describe, expect, it } from 'vitest';
import { scan } from '../../shared/scan.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import type { Header, Link, MailMessage, Verdict } from '../../shared/types.ts';

const now = new Date('2026-03-10T12:00:00Z');
const flagged = (v: Verdict) => v.level === 'warning' || v.level === 'danger';

function mail(from: [string, string], subject: string, text: string, extra: { headers?: Header[]; links?: string[] } = {}): MailMessage {
  const links: Link[] = (extra.links ?? []).map((href) => ({ href, text: 'link' }));
  return {
    subject, from: { name: from[0], address: from[1] }, replyTo: [], to: [{ name: '', address: 'me@example.com' }],
    date: '2026-03-09T10:00:00.000Z', headers: extra.headers ?? [], text, hiddenText: '', parts: [], attachments: [], links,
  };
}

const judge = (m: MailMessage) => scan(m, { policy: mergePolicy({ useBundledFeed: false }, undefined), now });
/** Judges a legitimate message and checks a number was found, so "not flagged" means something. */
async function judgeWithNumber(m: MailMessage): Promise<Verdict> {
  const v = await judge(m);
  expect(v.phones.length).toBeGreaterThan(0);
  return v;
}
const auth = (domain: string): Header => ({ name: 'Authentication-Results', value: `mx.example.com; dkim=pass header.d=${domain}; spf=pass smtp.mailfrom=${domain}; dmarc=pass header.from=${domain}` });
const failed = (domain: string): Header => ({ name: 'Authentication-Results', value: `mx.example.com; dkim=none; spf=softfail smtp.mailfrom=${domain}; dmarc=fail header.from=${domain}` });

describe('legitimate mail with a phone number is not flagged', () => {
  it('an app-store receipt from the brand, with a subscription, a refund link and the card issuer\'s number', async () => {
    const v = await judgeWithNumber(mail(['Apple', 'no_reply@email.apple.com'], 'Your receipt from Apple.',
      'Receipt\nApple Account: me@example.com\nBilled to Visa .... 4421\nApple One Individual (Monthly) — Renews April 9, 2026 — $19.95\n' +
      'Subscription total $19.95\nReport a problem or request a refund: https://reportaproblem.apple.com\n' +
      'If you have questions about a charge on your card, call Chase Card Services at 1-877-242-7372.\n' +
      'Apple Media Services Terms and Conditions. Privacy Policy. Copyright © 2026 Apple Inc.',
      { links: ['https://reportaproblem.apple.com', 'https://apps.apple.com/account/subscriptions', 'https://www.apple.com/legal/privacy/'] }));
    expect(flagged(v)).toBe(false);
  });

  it('a bank travel portal\'s trip receipt billed to the card, non-refundable, with a 1-855 number', async () => {
    const v = await judgeWithNumber(mail(['Capital One Travel', 'travel@capitalonebooking.com'], 'Your trip receipt: Chicago, March 14',
      'Thanks for booking with Capital One Travel. Total billed to your card ending 7731: $412.60. This fare is non-refundable.\n' +
      'Trip ID 58213377. For changes or questions about your trip, call 1-855-338-1208, available 24/7.',
      { headers: [auth('capitalonebooking.com')], links: ['https://links.capitalone.com/trip/58213377', 'https://travel.capitalone.com/help', 'https://mandrillapp.com/track/open.php?u=1'] }));
    expect(flagged(v)).toBe(false);
  });

  it('an online shop\'s order confirmation with a total and "please contact (866) …" to change or cancel', async () => {
    const v = await judgeWithNumber(mail(['Northwind Outfitters', 'orders@northwindoutfitters.com'], 'Order confirmation #NW-20931',
      'Thank you for your order! Order #NW-20931 — 2 items — Total $86.40 charged to your PayPal account.\n' +
      'If you need to cancel or change your order, please contact (866) 412-9087 within 24 hours.\n' +
      'Track your order: https://www.northwindoutfitters.com/orders/NW-20931',
      { links: ['https://www.northwindoutfitters.com/orders/NW-20931', 'https://www.northwindoutfitters.com/'] }));
    expect(flagged(v)).toBe(false);
  });

  it('a publisher\'s catalogue with prices, "subscription" and a toll-free number to call to order', async () => {
    const v = await judgeWithNumber(mail(['Harbor Press', 'catalog@harborpress.com'], 'Spring catalogue: new titles and subscription offers',
      'New this spring: The Coastal Atlas ($48.00), Field Notes quarterly — one-year subscription $36.\n' +
      'To order, call toll free 1-800-284-3390, Monday through Friday, or visit our website.\n' +
      'You receive this catalogue because you subscribed. Unsubscribe: https://harborpress.com/unsubscribe',
      { headers: [{ name: 'List-Unsubscribe', value: '<https://harborpress.com/unsubscribe>' }], links: ['https://harborpress.com/spring', 'https://harborpress.com/unsubscribe'] }));
    expect(v.level).toBe('none');
  });

  it('a software vendor\'s release announcement with a sales line', async () => {
    const v = await judgeWithNumber(mail(['Acme Backup', 'news@acmebackup.io'], 'Acme Backup 7.2 is out: faster restores, Microsoft 365 support',
      'Acme Backup 7.2 adds Microsoft 365 mailbox protection and ransomware alerts. Upgrade pricing starts at $99 per year for your subscription.\n' +
      'Talk to sales: +1 (415) 830-0142 or sales@acmebackup.io. Read the release notes at https://acmebackup.io/releases/7.2',
      { links: ['https://acmebackup.io/releases/7.2', 'https://acmebackup.io/pricing'] }));
    expect(flagged(v)).toBe(false);
  });

  it('a help desk\'s reply about a PayPal refund, answering the ticket, with its phone line', async () => {
    const v = await judgeWithNumber(mail(['Lumen Prints Support', 'help@lumenprints-example.com'], 'Re: [#48213] Refund for a damaged order',
      'Hi Sam,\n\nSorry about the damaged print. We have issued a full refund of $64.00 to your PayPal account; it can take 3-5 days to appear. ' +
      'If you have questions, call us at 1-888-420-7713.\n\nRiley, Lumen Prints Support',
      { headers: [auth('lumenprints-example.com'), { name: 'In-Reply-To', value: '<ticket-48213@lumenprints-example.com>' }] }));
    expect(flagged(v)).toBe(false);
  });

  for (const sender of [['Morgan Ellis', 'm.ellis@harbor-eng-example.com'], ['Morgan Ellis', 'morgan.ellis77@gmail.com']] as [string, string][]) {
    it(`a Microsoft Teams meeting invitation with a dial-in number (${sender[1].split('@')[1]})`, async () => {
      const v = await judgeWithNumber(mail(sender, 'Project sync',
        'Microsoft Teams meeting\nJoin on your computer, mobile app or room device\nClick here to join the meeting\nMeeting ID: 284 113 902 55\n' +
        'Or call in (audio only)\n+1 323-849-4874,,512339841# United States, Los Angeles\nPhone Conference ID: 512 339 841#\nFind a local number | Reset PIN\n' +
        'Learn More | Meeting options', { links: ['https://teams.microsoft.com/l/meetup-join/x', 'https://dialin.teams.microsoft.com/x', 'https://aka.ms/JoinTeamsMeeting'] }));
      expect(flagged(v)).toBe(false);
    });
  }

  it('a friend\'s note from a freemail box about a purchase, with "call me"', async () => {
    const v = await judgeWithNumber(mail(['Dana Whitfield', 'dana.whitfield@gmail.com'], 'iPad',
      'Hi! I finally placed my order for the Apple iPad you recommended, $329 with the student discount. Call me at 617-830-0190 when you are free.'));
    expect(flagged(v)).toBe(false);
  });

  it('a mailing-list reply that names Microsoft and security and quotes a signature with a phone number', async () => {
    const v = await judgeWithNumber(mail(['Jordan Lee', 'jlee@uni-example.edu'], 'Re: [sec-discuss] Microsoft account lockout after patch',
      'We saw the same after the Microsoft security update: accounts locked until the password was reset.\n\n' +
      'On Mon, Mar 9, 2026 at 10:12 AM Pat Kim <pkim@corp-example.com> wrote:\n> Anyone else seeing Microsoft accounts suspended after the update?\n' +
      '> Call me if easier.\n> Pat Kim, Security Operations\n> +1 (617) 830-0190\n_______________________________________________\nsec-discuss mailing list',
      { headers: [{ name: 'List-Id', value: '<sec-discuss.lists.example.org>' }, { name: 'In-Reply-To', value: '<abc@corp-example.com>' }], links: ['https://lists.example.org/mailman/listinfo/sec-discuss'] }));
    expect(flagged(v)).toBe(false);
  });
});

describe('a brand\'s one-word vanity site is not a costume', () => {
  it('a bank travel site named after the bank, authenticated, with its help line', async () => {
    const v = await judgeWithNumber(mail(['Chase Travel', 'travel@chasetravel.com'], 'Your trip receipt - Trip ID 8842211',
      'Thank you for booking with Chase Travel. Total billed to your card ending 9921: $412.60. This fare is non-refundable.\n' +
      'Questions about your reservation? Call Chase Travel at 1-855-234-2542, 24 hours a day.',
      { headers: [auth('chasetravel.com')], links: ['https://chasetravel.com/trips/8842211', 'https://www.chase.com/privacy'] }));
    expect(flagged(v)).toBe(false);
  });
});

describe('the brand\'s own domain without headers (Outlook on the web, stripped exports)', () => {
  it('is weaker evidence of legitimacy, not a lure: a quiet caution at most', async () => {
    const v = await judge(mail(['PayPal', 'service@paypal.com'], 'Receipt for your payment',
      'You sent a payment of $399.99 USD to Digital Goods LLC. If you did not authorize this payment, call +1 (804) 713-4598 to cancel it.'));
    expect(v.level).toBe('caution');
  });
});

describe('callback lures warn', () => {
  it('the brand only in the sender\'s name, an account pretext and "contact us immediately at 877-…"', async () => {
    const v = await judge(mail(['Microsoft', 'notice@kzr-logistics.net'], 'Action required on your account',
      'Dear user,\nWe detected activity on your account that goes against the user agreement. Your access will be suspended ' +
      'within 24 hours. To keep your account, contact us immediately at 877-690-3318.\nAccount Services', { headers: [failed('kzr-logistics.net')] }));
    expect(v.level).toBe('warning');
    expect(v.reasons[0]!.code).toBe('brand-callback-lure');
    expect(v.reasons[0]!.message).toMatch(/sender's name.*kzr-logistics\.net/);
  });

  it('the same with no headers at all (Outlook on the web)', async () => {
    const v = await judge(mail(['Microsoft', 'notice@kzr-logistics.net'], 'Action required on your account',
      'Dear user, your access will be suspended for violating the user agreement. Contact us immediately at 877-690-3318.'));
    expect(v.level).toBe('warning');
  });

  it('the brand in the sender\'s name from an authenticated unrelated domain that links only to itself', async () => {
    const v = await judge(mail(['Norton Billing', 'info@mapel-moulds-example.com'], 'Subscription renewed',
      'Your subscription was renewed today for $299.99. For help with this charge call +1 (843) 602-3984.',
      { headers: [auth('mapel-moulds-example.com')], links: ['https://mapel-moulds-example.com/a', 'https://mapel-moulds-example.com/b'] }));
    expect(v.level).toBe('warning');
  });

  it('a brand mentioned in a charge notice from a site with one link to itself', async () => {
    const v = await judge(mail(['Billing', 'billing@gx-invoices-example.com'], 'Payment processed',
      'Your PayPal payment of $499.99 has been processed. If you did not authorize this charge, call +1 (808) 631-7590 to cancel.',
      { headers: [auth('gx-invoices-example.com')], links: ['https://gx-invoices-example.com/view'] }));
    expect(v.level).toBe('warning');
  });

  it('a lure only in a PDF attachment, from an unrelated domain', async () => {
    const m = mail(['Accounts', 'accounts@tz-holdings-example.org'], 'Invoice INV-22817', 'Please find your invoice attached.');
    m.attachments = [{ name: 'INV-22817.pdf', mediaType: 'application/pdf', size: 20_000,
      text: 'Geek Squad Total Protection — auto renewal. Amount charged: $389.99. If you wish to cancel, call our billing department at +1 (805) 302-8040 within 24 hours.' }];
    expect((await judge(m)).level).toBe('warning');
  });

  it('a crypto exchange named in the subject, from an unrelated domain, with a withdrawal to stop by phone', async () => {
    const v = await judge(mail(['Security', 'alerts@pandabrosse-example.com'], 'Coinbase: withdrawal request of 0.45 BTC',
      'A withdrawal of 0.45 BTC was requested from your wallet. If this was not you, call +1 (808) 631-7590 immediately to stop the transfer.'));
    expect(v.level).toBe('warning');
  });

  it('a lure sent through a mailing group the scammer set up, the brand in the sender\'s name', async () => {
    const v = await judge(mail(['Geek Squad Billing via Accounts', 'accounts-2291@googlegroups.com'], 'Renewal notice',
      'Your Geek Squad protection plan renewed today for $389.99. If you did not authorize this, call +1 (805) 302-8040 to cancel.\n' +
      'You received this message because you are subscribed to the Google Groups "Accounts" group. To unsubscribe from this group, send an email to accounts-2291+unsubscribe@googlegroups.com.',
      { headers: [{ name: 'List-Id', value: '<accounts-2291.googlegroups.com>' }, { name: 'Precedence', value: 'list' }] }));
    expect(v.level).toBe('warning');
  });

  it('a freemail "order" with a charge and a number to call to cancel, no brand at all', async () => {
    const v = await judge(mail(['Order Processing Team', 'd.harlow1988@gmail.com'], 'Order #44821 confirmed',
      'Your order #44821 has been processed and $489.99 will be debited from your account today. If you did not authorize ' +
      'this purchase, call +1 (808) 631-7590 to cancel and get a full refund.', { headers: [auth('gmail.com')] }));
    expect(v.level).toBe('warning');
    expect(v.reasons[0]!.code).toBe('callback-lure');
  });

  it('a brand named in the subject from an unrelated domain with an order and a support number', async () => {
    const v = await judge(mail(['E-Receipt Team', 'billing@w3.fusion-energy-example.ca'], 'Your Norton Order Confirmation #NP0931',
      'Thank you for your purchase. Product: Norton 360 Deluxe. Amount: $349.99. Support Contact: +1 843-602-3984'));
    expect(v.level).toBe('warning');
  });

  it('a site dressed as the brand, links copied from the real brand\'s site', async () => {
    const v = await judge(mail(['McAfee Support', 'renewals@secure-mcafee-billing.net'], 'McAfee Total Protection - Order Confirmation',
      'Your McAfee Total Protection (5 devices) has been renewed for 3 years. Amount: $479.99. If you wish to cancel this order ' +
      'and receive a full refund please call (844) 672-0199 immediately.',
      { links: ['https://www.mcafee.com/en-us/consumer-support.html', 'https://www.mcafee.com/privacy', 'https://www.mcafee.com/legal'] }));
    expect(v.level).toBe('warning');
  });

  it('a spoofed brand address that failed DMARC', async () => {
    const v = await judge(mail(['PayPal', 'service@paypal.com'], 'Receipt for your payment',
      'You sent a payment of $399.99 USD. If you did not authorize this payment, call +1 (804) 713-4598 to cancel it.',
      { headers: [failed('paypal.com')] }));
    expect(flagged(v)).toBe(true);
    expect(v.reasons.find((r) => r.code === 'brand-callback-lure')!.message).toMatch(/not sent by PayPal/);
  });
});
