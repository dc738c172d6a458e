import { describe, expect, it } from 'vitest';
import { notificationFor, NOTIFICATION_MAX } from '../../addin/outlook/notification-text.ts';
import { translatorFor } from '../../shared/i18n/catalogues.ts';
import type { Verdict } from '../../shared/types.ts';

const danger: Verdict = {
  level: 'danger',
  reasons: [{ code: 'feed-number', message: '+18047134598 is on a scam-number list (Example feed).', params: { list: 'Example feed' } }],
  phones: [
    { e164: '+18047134598', raw: '804 713 4598', part: 'body', start: 0, end: 12, inFeed: true },
    { e164: '+18449012377', raw: '844 901 2377', part: 'body', start: 20, end: 32 },
  ],
  brands: ['PayPal'],
};

describe('the Outlook notification in the reader\'s language', () => {
  it('speaks German in a de-DE Outlook, within 150 characters', () => {
    const n = notificationFor(danger, {}, translatorFor('de-DE'))!;
    // The reason names the admin's list; the whole line is cut at a word to fit.
    expect(n.message).toBe(
      'Betrugswarnung: +1 804 713 4598 (+1 weitere) nicht anrufen. Diese Nummer steht auf der Betrugsliste „Example feed“ Ihres Sicherheitsteams. Details…',
    );
    expect(n.message.length).toBeLessThanOrEqual(NOTIFICATION_MAX);
  });

  it('keeps the English wording (and the core\'s first reason) by default', () => {
    expect(notificationFor(danger, {})!.message).toMatch(/^Scam warning: do not call \+1 804 713 4598 \(\+1 more\)\. \+18047134598 is on a scam-number list/);
  });
});
