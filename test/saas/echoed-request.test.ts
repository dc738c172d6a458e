import { describe, expect, it } from 'vitest';
import { isAutoAcknowledgement } from '../../shared/saas/echoed-request.ts';
import { mail } from './support/mail.ts';
import { codes, judgeFixture, topLevel } from './support/judge.ts';

describe('a help desk\'s automatic acknowledgement', () => {
  it('is recognised by its wording, in the subject or the body', () => {
    expect(isAutoAcknowledgement(mail({ subject: '[Acme] Request received: hello' }))).toBe(true);
    expect(isAutoAcknowledgement(mail({ subject: 'Re: hello', text: 'This is an automated response. We have received your request and will reply within 24 hours.' }))).toBe(true);
    expect(isAutoAcknowledgement(mail({ subject: 'Your ticket was updated', text: 'Your request (48213) has been updated.' }))).toBe(false);
  });

  it('repeating a lure back is a danger from a desk the organisation does not use, and says whose words they are', async () => {
    const finding = await judgeFixture('zendesk-abuse-autoreply-echo.eml');
    expect(finding).toMatchObject({ platform: 'zendesk', authentic: true, instance: 'brightlineoutdoor.zendesk.com' });
    expect(topLevel(finding)).toBe('danger');
    expect(codes(finding)).toContain('saas-echoed-request:warning');
    const echoed = finding!.reasons.find((r) => r.code === 'saas-echoed-request')!;
    expect(echoed.message).toMatch(/^This is an automatic reply from help desk brightlineoutdoor\.zendesk\.com .* to a request filed in your name\./);
    expect(echoed.message).toContain("phone number in it may be the company's own");
    // The company's own number is not what is wrong here.
    expect(finding!.mismatches.map((m) => m.kind)).not.toContain('phone-call');
  });

  it('still warns when the help desk is one the organisation trusts: the repeated words are not the desk\'s', async () => {
    const finding = await judgeFixture('zendesk-abuse-autoreply-echo.eml', { trustedZendeskTenants: ['brightlineoutdoor'] });
    expect(finding).toMatchObject({ trusted: true });
    expect(codes(finding)).toEqual(['saas-echoed-request:warning']);
  });

  it('raises nothing for an acknowledgement that repeats an ordinary request', async () => {
    for (const policy of [{}, { trustedZendeskTenants: ['brightlineoutdoor'] }]) {
      const finding = await judgeFixture('zendesk-autoreply-request-received.eml', policy);
      expect(finding).toMatchObject({ platform: 'zendesk', authentic: true, reasons: [] });
    }
  });
});
