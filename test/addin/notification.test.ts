import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../shared/types.ts';
import { clip, notificationFor, NOTIFICATION_KEY } from '../../addin/outlook/notification-text.ts';
import { showVerdictNotification } from '../../addin/outlook/show-notification.ts';
import { OfficeApiError } from '../../addin/outlook/office-async.ts';
import { createFakeOffice } from './fake-office.ts';
import { fakeMessageFromEml } from './fixture-message.ts';

const phone = (e164: string, extra: Partial<Verdict['phones'][number]> = {}) => ({ e164, raw: e164, part: 'body', start: 0, end: 12, ...extra });
const verdict = (level: Verdict['level'], extra: Partial<Verdict> = {}): Verdict => ({
  level,
  reasons: [{ code: 'feed-number', message: 'This number is on your organisation’s scam list (reported 117 times).' }],
  phones: [phone('+18084027719', { inFeed: true })],
  brands: ['Geek Squad'],
  ...extra,
});

describe('notificationFor', () => {
  it('uses an error bar for danger and warning, naming the number', () => {
    for (const level of ['danger', 'warning'] as const) {
      const n = notificationFor(verdict(level), {});
      expect(n?.kind).toBe('error');
      expect(n?.message).toContain('+1 808 402 7719');
      expect(n!.message.length).toBeLessThanOrEqual(150);
    }
  });

  it('uses an informational bar for caution and nothing for none', () => {
    expect(notificationFor(verdict('caution'), {})?.kind).toBe('informational');
    expect(notificationFor(verdict('none', { reasons: [], phones: [] }), {})).toBeNull();
  });

  it('respects the policy minimum level', () => {
    expect(notificationFor(verdict('caution'), { minimumBannerLevel: 'warning' })).toBeNull();
    expect(notificationFor(verdict('warning'), { minimumBannerLevel: 'warning' })).not.toBeNull();
  });

  it('stays within 150 characters with many numbers and a long reason', () => {
    const long = verdict('danger', {
      phones: Array.from({ length: 9 }, (_, i) => phone(`+1808402771${i}`)),
      reasons: [{ code: 'x', message: 'A very long explanation '.repeat(20) }],
    });
    const n = notificationFor(long, {})!;
    expect(n.message.length).toBeLessThanOrEqual(150);
    expect(n.message).toContain('(+8 more)');
    expect(n.message.endsWith('…')).toBe(true);
  });

  it('never names a trusted number', () => {
    const n = notificationFor(verdict('warning', { phones: [phone('+18005550100', { trusted: true })] }), {})!;
    expect(n.message).not.toContain('555');
  });

  it('clip cuts at a word boundary', () => {
    expect(clip('one two three four', 12)).toBe('one two…');
    expect(clip('short', 12)).toBe('short');
  });
});

describe('showVerdictNotification', () => {
  const scam = fakeMessageFromEml();

  it('replaces the item notification with the right type', async () => {
    const office = createFakeOffice({ mailboxVersion: '1.3', message: scam });
    await showVerdictNotification(office, office.context.mailbox.item!, verdict('danger'), {});
    await showVerdictNotification(office, office.context.mailbox.item!, verdict('caution'), {});
    expect(office.log.notifications.map((n) => [n.key, n.details.type])).toEqual([
      [NOTIFICATION_KEY, 'errorMessage'],
      [NOTIFICATION_KEY, 'informationalMessage'],
    ]);
    expect(office.log.notifications[1]!.details).toMatchObject({ icon: 'Icon.16x16', persistent: false });
  });

  it('removes the notification when nothing is found', async () => {
    const office = createFakeOffice({ mailboxVersion: '1.3', message: scam });
    await showVerdictNotification(office, office.context.mailbox.item!, verdict('none', { reasons: [], phones: [] }), {});
    expect(office.log.removedNotifications).toEqual([NOTIFICATION_KEY]);
    expect(office.log.notifications).toEqual([]);
  });

  it('rejects when the client refuses the notification', async () => {
    const office = createFakeOffice({ mailboxVersion: '1.3', message: scam, failing: ['notificationMessages.replaceAsync'] });
    await expect(showVerdictNotification(office, office.context.mailbox.item!, verdict('danger'), {})).rejects.toBeInstanceOf(OfficeApiError);
  });
});
