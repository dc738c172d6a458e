// Reasons as data end to end: the core's verdict carries each reason's params beside its English message,
// and a surface renders the sentence from them in the reader's language.
import { describe, expect, it } from 'vitest';
import { scan } from '../../shared/scan.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { translatorFor } from '../../shared/i18n/catalogues.ts';
import { reasonText } from '../../shared/i18n/reason-text.ts';
import type { MailMessage } from '../../shared/types.ts';

const now = new Date('2026-03-10T12:00:00Z');
const lure: MailMessage = {
  subject: 'Your order', from: { address: 'billing4471@gmail.com', name: 'Billing' }, replyTo: [], to: [],
  date: '2026-03-09T10:00:00.000Z', headers: [], hiddenText: '', parts: [], attachments: [], links: [],
  text: 'Your Norton 360 subscription was renewed and $399.99 charged today. If you did not authorize this, ' +
    'call our billing team at +1 (804) 713-4598 to cancel and get a refund.',
};

describe('reason params from the core', () => {
  it('a brand callback lure names its brand in params, rendered in German', async () => {
    const verdict = await scan(lure, { policy: mergePolicy({}, undefined), now });
    const reason = verdict.reasons.find((r) => r.code === 'brand-callback-lure')!;
    expect(reason.message).toMatch(/^This message presents itself as Norton/);
    // The sender is a free gmail.com mailbox: the sentence says so.
    expect(reason.params).toEqual({ variant: 'freemail', brand: ['Norton'], domain: 'gmail.com' });
    const de = translatorFor('de-DE');
    // The verdict's own brands are left out: the sentence comes from the reason's params.
    expect(reasonText(reason, { brands: [] }, de.t, de.locale)).toBe(
      'Sie gibt sich als Norton aus, kommt aber aus einem kostenlosen Postfach bei gmail.com, und Sie sollen anrufen. Betrüger verschicken gefälschte Rechnungen und Warnungen, damit Sie sie anrufen.',
    );
  });
});
