// Issue #10.2: length limits measure what is rendered; runs of invisible characters are evasion, not length.
import { describe, expect, it } from 'vitest';
import { scan } from '../../shared/scan.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { longestInvisibleRun, renderedLength } from '../../shared/verdict/rendered-length.ts';
import type { MailMessage } from '../../shared/types.ts';

const now = new Date('2026-03-10T12:00:00Z');
const LURE = 'Your Norton 360 subscription was renewed and $399.99 charged today. If you did not authorize this, ' +
  'call our billing team at +1 (804) 713-4598 to cancel and get a refund.';

function message(text: string): MailMessage {
  return {
    subject: 'Your order', from: { address: 'billing4471@gmail.com', name: 'Billing' }, replyTo: [], to: [],
    date: '2026-03-09T10:00:00.000Z', headers: [], text, hiddenText: '', parts: [], attachments: [], links: [],
  };
}

const judge = (m: MailMessage) => scan(m, { policy: mergePolicy({ useBundledFeed: false }, undefined), now });

describe('invisible padding (#10.2)', () => {
  for (const [name, char] of [['soft hyphens', '\u00AD'], ['zero-width spaces', '\u200B'], ['word joiners', '\u2060'], ['tag characters', '\u{E0020}']]) {
    it(`10,001 ${name} before a callback lure do not switch the lure rules off`, async () => {
      const v = await judge(message(char!.repeat(10_001) + LURE));
      expect(v.level).toBe('warning');
      expect(v.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['brand-callback-lure', 'evasive-callback']));
      expect(v.reasons.find((r) => r.code === 'evasive-callback')!.message).toMatch(/1,000 or more invisible characters/);
    });
  }

  it('white space and invisible characters interleaved count as one space each run, not as length', async () => {
    const v = await judge(message('\u00AD \u200B\n'.repeat(6_000) + ' '.repeat(20_000) + LURE));
    expect(v.level).toBe('warning');
  });

  it('measures rendered text', () => {
    expect(renderedLength('a\u00AD\u200Bb   c\n\n\td')).toBe(6);
    expect(renderedLength('x\u{E0041}y')).toBe(2);
    expect(longestInvisibleRun('ab\u200C \u200C \u200Ccd\u00AD')).toBe(3);
    expect(renderedLength('a b c d e f', 3)).toBe(4);
  });

  it('a newsletter preheader padded with a few hundred joiners is not evasion', async () => {
    const v = await judge(message(`Spring sale starts now${'\u200C\u00A0'.repeat(300)}\nNew arrivals in store this week. Visit us at 12 Harbor Street.`));
    expect(v.reasons.map((r) => r.code)).not.toContain('evasive-text');
  });
});
