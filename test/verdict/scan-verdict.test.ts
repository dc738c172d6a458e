// The verdict rules of DESIGN.md, exercised through scan() on messages built in the test.
import { describe, expect, it } from 'vitest';
import { scan } from '../../shared/scan.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { FeedIndex, parseFeed } from '../../shared/feed/index.ts';
import type { MailMessage, Policy, ReputationLookup } from '../../shared/types.ts';
import { LURE, message } from './support/lure-message.ts';

const now = new Date('2026-03-10T12:00:00Z');


function feed(json: object): ReputationLookup {
  return new FeedIndex([parseFeed(JSON.stringify({ format: 'ringfence-feed/1', name: 'Test feed', ...json })).feed], { ttlDays: 30 });
}

async function judge(m: MailMessage, policy: Policy = {}, reputation?: ReputationLookup) {
  return scan(m, { policy: mergePolicy(policy, undefined), now, ...(reputation ? { reputation } : {}) });
}

describe('verdict', () => {
  it('warns about a brand callback lure with no feed hit', async () => {
    const v = await judge(message(LURE));
    expect(v.level).toBe('warning');
    expect(v.reasons.map((r) => r.code)).toContain('brand-callback-lure');
    expect(v.brands).toEqual(['Norton']);
    expect(v.phones).toMatchObject([{ e164: '+18047134598', part: 'body' }]);
    expect(v.reasons[0]!.message).toMatch(/Norton/);
  });

  it('raises danger with feed-number and says what the feed knows', async () => {
    const reputation = feed({ entries: [{ number: '+18047134598', verdict: 'scam', brands: ['PayPal'], lastSeen: '2026-03-08', reports: 117 }] });
    const v = await judge(message(LURE), {}, reputation);
    expect(v.level).toBe('danger');
    expect(v.reasons[0]).toMatchObject({ code: 'feed-number' });
    expect(v.reasons[0]!.message).toMatch(/117 times.*PayPal.*2 days ago/);
    expect(v.phones[0]).toMatchObject({ inFeed: true });
  });

  it('raises danger with feed-block when only the DID block is listed', async () => {
    const reputation = feed({ entries: [{ block: '+1804713', digits: 4, verdict: 'scam', lastSeen: '2026-03-01' }] });
    const v = await judge(message('Minutes of the meeting are attached. Dana: +1 804 713 0042', { subject: 'Minutes' }), {}, reputation);
    expect(v.level).toBe('danger');
    expect(v.reasons.map((r) => r.code)).toEqual(['feed-block']);
    expect(v.phones[0]).toMatchObject({ e164: '+18047130042', block: '+1804713' });
  });

  it('treats an expired entry as history: a quiet caution, never danger', async () => {
    const reputation = feed({ entries: [{ number: '+18047130042', verdict: 'scam', lastSeen: '2025-01-01' }] });
    const v = await judge(message('Minutes of the meeting are attached. Dana: +1 804 713 0042', { subject: 'Minutes' }), {}, reputation);
    expect(v.level).toBe('caution');
    expect(v.reasons.map((r) => r.code)).toEqual(['feed-expired']);
  });

  it('never warns about a number the policy trusts by itself; a scam feed match beats trusted (#10.1)', async () => {
    const signature = message('See you Thursday.\n--\nDana, IT helpdesk\nOffice: +1 (804) 713-4598', { subject: 'Re: planning' });
    expect(await judge(signature, { trustedNumbers: ['+1 804-713-4598'] })).toMatchObject({ level: 'none', phones: [{ trusted: true }] });
    const reputation = feed({ entries: [{ number: '+18047134598', verdict: 'scam', lastSeen: '2026-03-08' }] });
    const v = await judge(signature, { trustedNumbers: ['+1 804-713-4598'] }, reputation);
    expect(v.level).toBe('danger');
    expect(v.phones[0]!.trusted).toBeUndefined();
  });

  it('says nothing about an ordinary signature', async () => {
    const v = await judge(message('See you Thursday.\n--\nDana Whitfield, Operations\nOffice: (215) 814-2290', { subject: 'Re: planning' }));
    expect(v).toMatchObject({ level: 'none', reasons: [], brands: [] });
    expect(v.phones).toHaveLength(1);
  });

  it('does not treat a long newsletter that mentions a brand and a contact line as a lure', async () => {
    const filler = 'The committee reviewed the quarterly results of the project and discussed the roadmap. '.repeat(140);
    const v = await judge(message(`${filler}\nMicrosoft announced pricing of $2,500 per seat.\nCONTACT: Press office 617-864-0455\n${filler}`));
    expect(['none', 'caution']).toContain(v.level);
  });

  it('warns about a callback request hidden behind invisible characters', async () => {
    const zw = '\u200c';
    const split = (s: string) => [...s].join(zw);
    const v = await judge(message(`${split('Hello this is the loan department')}. ${split('Please give us a')} call at: 877-822-8290 today.`));
    expect(v.level).toBe('warning');
    expect(v.reasons.map((r) => r.code)).toContain('evasive-callback');
  });

  it('reads numbers in a calendar invitation and in attachment text', async () => {
    const v = await judge(message('You have been invited.', {
      parts: [{ id: 'calendar', text: 'PayPal payment of USD 749.00 debited. Call PayPal support at (859) 489-9247 to cancel.' }],
      attachments: [{ name: 'invoice.pdf', mediaType: 'application/pdf', size: 100, text: 'Helpline +1 888 596 1028' }],
    }));
    expect(v.phones.map((p) => [p.e164, p.part])).toEqual([
      ['+18594899247', 'calendar'],
      ['+18885961028', 'attachment:invoice.pdf'],
    ]);
    expect(v.level).toBe('warning');
  });
});

describe('policy edge cases', () => {
  it('falls back to US when an option names a region without a numbering plan', async () => {
    const v = await scan(message(LURE), { policy: { defaultRegion: 'UK' }, now });
    expect(v.phones[0]).toMatchObject({ e164: '+18047134598' });
  });
});

describe('brand mail that really comes from the brand', () => {
  const PAYPAL = 'You sent a payment of $399.99 USD to Digital Goods LLC. If you did not authorize this payment, call PayPal at +1 (804) 713-4598 to cancel it.';
  const headers = (auth: string) => [{ name: 'Authentication-Results', value: `mx.example.com; ${auth}` }];

  it('is a quiet caution when DMARC passed for a PayPal domain', async () => {
    const v = await judge(message(PAYPAL, {
      from: { address: 'service@paypal.com', name: 'PayPal' },
      headers: headers('dkim=pass header.d=paypal.com; spf=pass smtp.mailfrom=paypal.com; dmarc=pass header.from=paypal.com'),
    }));
    expect(v.level).toBe('caution');
    expect(v.reasons.map((r) => r.code)).toEqual(['brand-mail-with-number']);
    expect(v.reasons[0]!.message).toMatch(/really comes from PayPal \(paypal\.com\)/);
  });

  it('stays a warning when the PayPal address did not authenticate, or a freemail account signed it', async () => {
    const spoofed = await judge(message(PAYPAL, {
      from: { address: 'service@paypal.com', name: 'PayPal' },
      headers: headers('dkim=fail header.d=paypal.com; dmarc=fail header.from=paypal.com'),
    }));
    const freemail = await judge(message(PAYPAL, {
      from: { address: 'paypal.billing.desk@gmail.com', name: 'PayPal' },
      headers: headers('dkim=pass header.d=gmail.com; dmarc=pass header.from=gmail.com'),
    }));
    for (const v of [spoofed, freemail]) {
      expect(['warning', 'danger']).toContain(v.level);
      expect(v.reasons.map((r) => r.code)).toContain('brand-callback-lure');
    }
  });
});
