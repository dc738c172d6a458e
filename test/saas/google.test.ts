import { describe, expect, it } from 'vitest';
import { analyseSaas } from '../../shared/saas/index.ts';
import { codes, judgeFixture, topLevel } from './support/judge.ts';
import { mail } from './support/mail.ts';

describe('Google Forms, Drive and Calendar', () => {
  it('reads a real form receipt, with an organiser\'s phone number, as ordinary', async () => {
    const finding = await judgeFixture('google-forms-receipt.eml');
    expect(finding).toMatchObject({ platform: 'google', authentic: true, instance: 'form 1FAIpQLSd3xAmPlEmEeTuPfOrMzZ9yX8wV7u6T5s4R3q2P1o0N', reasons: [] });
  });

  it('makes a form whose title and text are a payout scam a danger', async () => {
    const finding = await judgeFixture('google-forms-abuse-lottery.eml');
    expect(finding).toMatchObject({ platform: 'google', authentic: true });
    expect(topLevel(finding)).toBe('danger');
    expect(finding!.mismatches.map((m) => m.kind)).toEqual(expect.arrayContaining(['prize', 'payment']));
    expect(finding!.reasons[0]!.message).toMatch(/^This is a real Google notification, but it carries what a Google user outside your organisation wrote in a form/);
  });

  it('trusts the organisation\'s own form by its id', async () => {
    const finding = await judgeFixture('google-forms-abuse-lottery.eml', { trustedSenders: ['form 1FAIpQLSfAkEpAyOuTbOaRdFoRmXx1y2w3v4u5t6s7r8q9P0o1'.split(' ')[1]!] });
    expect(finding).toMatchObject({ trusted: true, reasons: [] });
  });

  it('reads a calendar invitation from an outside organiser: dial-in numbers are fine, a renewal lure is not', () => {
    const invite = (text: string) =>
      mail({
        subject: 'Invitation: Quarterly review @ Tue Dec 1, 2026 10am - 11am (EST) (dev@example-corp.com)',
        from: { address: 'organiser@partner.example', name: 'Org Aniser' },
        text,
        headerLines: ['Sender: Google Calendar <calendar-notification@google.com>', 'Authentication-Results: mx; dkim=pass header.d=google.com; dmarc=pass header.from=partner.example'],
      });
    const ordinary = analyseSaas(invite('Join with Google Meet: https://meet.google.com/abc-defg-hij\nJoin by phone: +1 650-555-0123 PIN: 123456'), {}, []);
    expect(ordinary).toMatchObject({ platform: 'google', instance: 'organiser@partner.example', reasons: [] });
    const lure = analyseSaas(invite('Your Norton subscription has been renewed and $399.99 was charged to your card. To cancel and get a refund call +1 888 555 0100.'), {}, []);
    expect(['warning', 'danger']).toContain(topLevel(lure));
    expect(codes(lure)[0]).toMatch(/^saas-/);
  });

  it('ignores mail that only mentions Google, and Google\'s own account mail', () => {
    expect(analyseSaas(mail({ from: { address: 'no-reply@accounts.google.com', name: 'Google' }, text: 'Security alert' }), {}, [])).toBeUndefined();
  });
});
