// Where the user-written text sits: each platform's own paragraphs (shared/data/saas-templates.json) are set
// aside, everything else the account owner wrote is still judged.
import { describe, expect, it } from 'vitest';
import data from '../../shared/data/saas-templates.json' with { type: 'json' };
import { platformRules } from '../../shared/saas/registry.ts';
import '../../shared/saas/platforms.ts';
import { phonesInUserText, platformText, userWrittenParts } from '../../shared/saas/user-content.ts';
import type { PhoneFinding, TextPart } from '../../shared/types.ts';
import { codes, judgeFixture, topLevel } from './support/judge.ts';

const body = (text: string): TextPart[] => [{ id: 'subject', text: 'Invoice from Acme' }, { id: 'body', text }];
const phoneAt = (text: string, number: string): PhoneFinding => {
  const start = text.indexOf(number);
  return { part: 'body', start, end: start + number.length } as PhoneFinding;
};
const FOOTER = "Don't recognize this invoice? Report it to PayPal:";

describe('user-written text in platform templates', () => {
  it('models every registered platform', () => {
    for (const rule of platformRules()) {
      expect(Object.keys(data.templates), rule.id).toContain(rule.id);
      expect(platformText(rule.id).length, rule.id).toBeGreaterThan(0);
    }
  });

  it("sets the platform's own paragraph aside, keeping offsets", () => {
    const text = `Note from seller:\nThanks for your order.\n\n${FOOTER}\nhttps://www.paypal.com/invoice/report/X`;
    const [subject, out] = userWrittenParts(body(text), platformText('paypal'), []);
    expect(subject!.text).toBe('Invoice from Acme');
    expect(out!.text).toHaveLength(text.length);
    expect(out!.text).toContain('Thanks for your order.');
    expect(out!.text).not.toContain('Report it to PayPal');
  });

  it('matches across line wraps and either apostrophe', () => {
    const text = 'Hello\n\nPlease don’t reply to this email. To get in touch with us, log in to your\naccount and click "Contact Us" at the bottom of any page.\n';
    expect(userWrittenParts(body(text), platformText('paypal'), [])[1]!.text.trim()).toBe('Hello');
  });

  it('keeps a platform sentence an attacker continued on the same line', () => {
    const text = "If you don't recognize this, contact us at +1 (808) 301-5520 to cancel.";
    expect(userWrittenParts(body(text), platformText('paypal'), [phoneAt(text, '+1 (808) 301-5520')])[1]!.text).toBe(text);
  });

  it('keeps a platform sentence with an attacker number on the next line', () => {
    const text = "If you don't recognize this, contact us.\n+1 (808) 301-5520\n";
    const phone = phoneAt(text, '+1 (808) 301-5520');
    const parts = userWrittenParts(body(text), platformText('paypal'), [phone]);
    expect(parts[1]!.text).toBe(text);
    expect(phonesInUserText(parts, [phone])).toEqual([phone]);
  });

  it('never sets aside the subject or sender name, where the merchant, form and event names are', () => {
    const parts: TextPart[] = [{ id: 'subject', text: 'Report Abuse' }, { id: 'from-name', text: 'Report Abuse' }];
    expect(userWrittenParts(parts, platformText('google'), [])).toEqual(parts);
  });

  it("no longer reads PayPal's own dispute notice in a money request as a lure (was a warning)", async () => {
    const finding = await judgeFixture('paypal-money-request-note.eml');
    expect(finding).toMatchObject({ platform: 'paypal', authentic: true, mismatches: [] });
    expect(topLevel(finding)).toBe('none');
  });

  it('still reads a lure written into the seller note next to the platform footer', async () => {
    const finding = await judgeFixture('paypal-money-request-note.eml', {}, (m) => {
      m.text = m.text.replace(
        'Note from Jamie Ortega:',
        "Note from Jamie Ortega:\nNorton 360 renewal charged. If you don't recognize this, contact us.\n+1 (808) 301-5520 to cancel and get a refund.",
      );
    });
    expect(topLevel(finding)).toBe('danger');
    expect(codes(finding)).toContain('saas-untrusted-instance:danger');
  });
});
