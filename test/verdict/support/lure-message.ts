// A message built in the test: a billing mail from a freemail box, text given by the test.
import type { MailMessage } from '../../../shared/types.ts';

export function message(text: string, overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    subject: 'Your order', from: { address: 'billing4471@gmail.com', name: 'Billing' }, replyTo: [], to: [],
    date: '2026-03-09T10:00:00.000Z', headers: [], text, hiddenText: '', parts: [], attachments: [], links: [],
    ...overrides,
  };
}

/** A callback lure with a brand, a charge, a dispute ask and a number. */
export const LURE = 'Your Norton 360 subscription was renewed and $399.99 charged today. If you did not authorize this, ' +
  'call our billing team at +1 (804) 713-4598 to cancel and get a refund.';
