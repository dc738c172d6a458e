// Each evidence feature on its own, with messages written here.
import { describe, expect, it } from 'vitest';
import { whoIsSpeaking } from '../../shared/evidence/who-is-speaking.ts';
import { whereItPoints, pointsHome, pointsToBrand } from '../../shared/evidence/where-it-points.ts';
import { mailKind } from '../../shared/evidence/mail-kind.ts';
import { readerAsk } from '../../shared/evidence/reader-ask.ts';
import type { BrandHit } from '../../shared/lure/index.ts';
import type { Header, MailMessage, PhoneFinding } from '../../shared/types.ts';

function mail(from: [string, string], overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    subject: 's', from: { name: from[0], address: from[1] }, replyTo: [], to: [], date: null, headers: [], text: '',
    hiddenText: '', parts: [], attachments: [], links: [], ...overrides,
  };
}
const brand = (name: string, part: string): BrandHit => ({ brand: name, evidence: name, part });
const results = (value: string): Header => ({ name: 'Authentication-Results', value: `mx.example.com; ${value}` });

describe('who is speaking', () => {
  it('mail authenticated for the brand it names really comes from it', () => {
    const s = whoIsSpeaking(mail(['PayPal', 'service@paypal.com'], { headers: [results('dmarc=pass header.from=paypal.com')] }), [brand('PayPal', 'from-name'), brand('PayPal', 'body')]);
    expect(s).toMatchObject({ authenticated: true, own: ['PayPal'], claimed: ['PayPal'], spoofed: false, freemail: false });
  });

  it('the brand\'s own domain without headers is the brand speaking, unauthenticated', () => {
    const s = whoIsSpeaking(mail(['Amazon.com', 'order-update@amazon.com']), [brand('Amazon', 'body')]);
    expect(s).toMatchObject({ authenticated: false, hasAuthResults: false, own: ['Amazon'], mentioned: ['Amazon'], spoofed: false });
  });

  it('a DMARC failure for the brand\'s domain is a spoof', () => {
    const s = whoIsSpeaking(mail(['PayPal', 'service@paypal.com'], { headers: [results('dmarc=fail header.from=paypal.com')] }), [brand('PayPal', 'subject')]);
    expect(s.spoofed).toBe(true);
  });

  it('a brand in the display name from an unrelated domain, a freemail business name, a freemail reply-to', () => {
    const s = whoIsSpeaking(mail(['Microsoft', 'notice@kzr-logistics.net'], { replyTo: [{ name: '', address: 'ms.help@outlook.com' }] }), [brand('Microsoft', 'from-name')]);
    expect(s).toMatchObject({ displayName: ['Microsoft'], own: [], fromSite: 'kzr-logistics.net', replyToFreemail: true });
    expect(whoIsSpeaking(mail(['Billing Department', 'x991@gmail.com']), [])).toMatchObject({ freemail: true, businessName: true });
    expect(whoIsSpeaking(mail(['Dana Whitfield', 'dana@gmail.com']), []).businessName).toBe(false);
  });
});

describe('dressed as a brand', () => {
  it('a hyphenated site that wears a brand it does not belong to', () => {
    const speaks = (address: string, name: string) => whoIsSpeaking(mail([name, address]), [brand(name, 'from-name')]).dressedAs;
    expect(speaks('renewals@secure-mcafee-billing.net', 'McAfee')).toEqual(['McAfee']);
    expect(speaks('service@intl-paypal-billing.com', 'PayPal')).toEqual(['PayPal']);
    expect(speaks('x@paypal-resolution-centre.net', 'PayPal')).toEqual(['PayPal']);
    expect(speaks('service@paypal.com', 'PayPal')).toEqual([]);
    expect(speaks('travel@chasetravel.com', 'Chase')).toEqual([]);
    expect(speaks('orders@purchase-receipts.com', 'Chase')).toEqual([]);
  });
});

describe('where it points', () => {
  const links = (...hrefs: string[]) => hrefs.map((href) => ({ href, text: '' }));
  it('counts links to the sender\'s site and the brand\'s domains as home; tracking hosts as neither', () => {
    const t = whereItPoints(links('https://click.t.delta.com/x', 'https://www.delta.com/', 'https://sendgrid.net/t', 'mailto:a@b.c', 'https://evil.example/'), 'delta.com', []);
    expect(t).toEqual({ total: 4, home: 2, brand: 0, elsewhere: 1 });
    expect(pointsHome(t)).toBe(true);
    expect(pointsToBrand(t)).toBe(false);
  });

  it('a travel portal linking to its bank\'s domains points to the brand', () => {
    const t = whereItPoints(links('https://links.capitalone.com/a', 'https://travel.capitalone.com/b'), 'capitalonebooking.com', ['capitalone.com']);
    expect(t).toMatchObject({ home: 2, brand: 2, elsewhere: 0 });
    expect(pointsToBrand(t)).toBe(true);
  });

  it('no links, or links elsewhere, do not point home', () => {
    expect(pointsHome(whereItPoints([], 'x.com', []))).toBe(false);
    expect(pointsHome(whereItPoints(links('https://calendar.google.com/x', 'https://x.com/'), 'x.com', []))).toBe(false);
    expect(pointsHome(whereItPoints(links('https://calendar.google.com/x', 'https://x.com/', 'https://www.x.com/help'), 'x.com', []))).toBe(true);
    expect(pointsHome(whereItPoints(links('https://calendar.google.com/x', 'https://support.google.com/', 'https://x.com/'), 'x.com', []))).toBe(false);
  });
});

describe('mail kind', () => {
  it('tells list, bulk and conversation from headers and shape', () => {
    expect(mailKind(mail(['a', 'a@x.org'], { headers: [{ name: 'List-Id', value: '<dev.lists.x.org>' }] }))).toMatchObject({ list: true, bulk: false });
    expect(mailKind(mail(['a', 'a@x.org'], { headers: [{ name: 'Precedence', value: 'bulk' }] }))).toMatchObject({ list: false, bulk: true });
    expect(mailKind(mail(['a', 'a@x.org'], { text: 'New titles this month.\n\nUnsubscribe | Manage preferences' })).bulk).toBe(true);
    const reply = 'Agreed.\n\nOn Mon, Mar 9, 2026 at 10:12 AM Pat <p@x.org> wrote:\n> earlier text\n';
    expect(mailKind(mail(['a', 'a@x.org'], { text: reply, headers: [{ name: 'In-Reply-To', value: '<m@x.org>' }] }))).toMatchObject({ conversation: true, threaded: true, quoted: true });
    expect(mailKind(mail(['a', 'a@x.org'], { text: reply }))).toMatchObject({ conversation: false, quoted: true });
    expect(mailKind(mail(['a', 'a@x.org'], { text: 'Your renewal. Call us. All rights reserved. Privacy policy.', headers: [{ name: 'In-Reply-To', value: '<m@x.org>' }] })))
      .toEqual({ list: false, bulk: false, conversation: false, threaded: true, quoted: false });
  });
});

describe('what the reader is asked to do', () => {
  const phone = (text: string, digits: string): PhoneFinding => {
    const start = text.indexOf(digits);
    return { e164: `+1${digits.replace(/\D/g, '')}`, raw: digits, part: 'body', start, end: start + digits.length };
  };
  const ask = (text: string, digits: string) => readerAsk([{ id: 'body', text }], [phone(text, digits)]);

  it('calling to cancel or dispute a charge is the lure\'s ask; ordering, sales and bookings are commerce', () => {
    expect(ask('You were charged $499. If you did not authorize this, call 804-713-4598 to cancel.', '804-713-4598').dispute.size).toBe(1);
    expect(ask('To order, call toll free 800-284-3390, Monday through Friday.', '800-284-3390').commerce.size).toBe(1);
    expect(ask('Talk to sales: 415-830-0142.', '415-830-0142').commerce.size).toBe(1);
    expect(ask('For questions about your reservation call 855-338-1208.', '855-338-1208').commerce.size).toBe(1);
    expect(ask('Call me on my cell, 617-830-0190, after six.', '617-830-0190').personal.size).toBe(1);
    const both = ask('To order call 800-284-3390. If you did not place this order call 800-284-3390 to cancel.', '800-284-3390');
    expect([both.dispute.size, both.commerce.size]).toEqual([1, 0]);
  });

  it('finds account and charge pretexts; prices alone are none', () => {
    expect(readerAsk([{ id: 'body', text: 'Your access will be suspended under the user agreement.' }], []).pretext).toBe('access will be');
    expect(readerAsk([{ id: 'body', text: 'Coastal Atlas $48.00, Field Notes $36.00.' }], []).pretext).toBeUndefined();
  });
});
