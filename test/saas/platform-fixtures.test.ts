// Every platform's fixtures in one table (written from the platforms' documented templates, see
// test/fixtures/saas/README.md): legitimate ones raise nothing (a reseller naming a brand at most a caution),
// abused ones are a danger.
import { describe, expect, it } from 'vitest';
import type { Level } from '../../shared/types.ts';
import { judgeFixture, topLevel } from './support/judge.ts';
import { loadMessage } from './support/load-message.ts';
import { fixture } from './support/mail.ts';
import { scan } from '../../shared/scan.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';

const FIXTURES: [file: string, platform: string, level: Level][] = [
  ['github-issue-comment.eml', 'github', 'none'],
  ['github-release-contributors.eml', 'github', 'none'],
  ['github-issue-comment-about-support.eml', 'github', 'none'],
  ['github-abuse-issue-security-team.eml', 'github', 'danger'],
  ['github-abuse-discussion-airdrop-mentions.eml', 'github', 'danger'],
  ['zendesk-ticket-update.eml', 'zendesk', 'none'],
  ['zendesk-autoreply-request-received.eml', 'zendesk', 'none'],
  ['zendesk-abuse-autoreply-echo.eml', 'zendesk', 'danger'],
  ['freshdesk-ticket-reply.eml', 'freshdesk', 'none'],
  ['freshdesk-abuse-autoreply-gas-fee.eml', 'freshdesk', 'danger'],
  ['helpscout-reply.eml', 'helpscout', 'none'],
  ['zohodesk-abuse-ticket-wallet.eml', 'zohodesk', 'danger'],
  ['google-forms-receipt.eml', 'google', 'none'],
  ['google-drive-share.eml', 'google', 'none'],
  ['google-forms-abuse-lottery.eml', 'google', 'danger'],
  ['google-calendar-abuse-renewal.eml', 'google', 'danger'],
  ['paypal-invoice.eml', 'paypal', 'none'],
  ['stripe-invoice.eml', 'stripe', 'none'],
  ['paypal-abuse-invoice-geek-squad.eml', 'paypal', 'danger'],
  ['square-abuse-invoice-norton.eml', 'square', 'danger'],
  // Issue #17, second part: Intercom and HubSpot, and legitimate mail written from each documented template.
  ['freshdesk-reply-signature-phone.eml', 'freshdesk', 'none'],
  ['intercom-reply.eml', 'intercom', 'none'],
  ['intercom-abuse-airdrop.eml', 'intercom', 'danger'],
  ['hubspot-ticket-reply.eml', 'hubspot', 'none'],
  ['hubspot-abuse-account-suspension.eml', 'hubspot', 'danger'],
  ['google-forms-invite-event.eml', 'google', 'none'],
  ['google-calendar-invite-meet.eml', 'google', 'none'],
  ['paypal-money-request-note.eml', 'paypal', 'none'],
  ['stripe-receipt-support-phone.eml', 'stripe', 'none'],
  ['square-receipt-restaurant.eml', 'square', 'none'],
  ['quickbooks-invoice-plumber.eml', 'intuit', 'none'],
  ['quickbooks-abuse-geek-squad-cancel.eml', 'intuit', 'danger'],
  ['invoiceninja-reseller-norton.eml', 'invoiceninja', 'caution'],
  ['zohoinvoice-abuse-norton-dispute.eml', 'zohoinvoice', 'danger'],
];

describe('platform fixtures', () => {
  for (const [file, platform, level] of FIXTURES) {
    it(`${file}: ${platform}, ${level}`, async () => {
      const finding = await judgeFixture(file);
      expect(finding).toMatchObject({ platform, authentic: true, spoofed: false });
      expect(topLevel(finding)).toBe(level);
    });
  }
});

describe('platform fixtures through the whole verdict', () => {
  const policy = mergePolicy({ useBundledFeed: false }, undefined);
  // Legitimate platform mail stays below warning once every rule has spoken, not only the platform's own.
  for (const [file, , level] of FIXTURES.filter(([, , l]) => l !== 'danger')) {
    it(`${file}: at most ${level === 'none' ? 'a caution' : level}`, async () => {
      const verdict = await scan(await loadMessage(fixture(file)), { policy, now: new Date('2026-11-30T00:00:00Z') });
      expect(['none', 'caution'], JSON.stringify(verdict.reasons.map((r) => r.code))).toContain(verdict.level);
    });
  }
});
