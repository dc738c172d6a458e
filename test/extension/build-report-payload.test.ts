import { describe, expect, it } from 'vitest';
import { buildReportPayload } from '../../shared/report/build-report-payload.ts';
import type { Verdict } from '../../shared/types.ts';

const verdict: Verdict = {
  level: 'danger',
  reasons: [
    { code: 'feed-number', message: 'On a scam feed', evidence: 'call +1 804 713 4598' },
    { code: 'brand-callback-lure', message: 'Pretends to be PayPal' },
  ],
  phones: [
    { e164: '+18047134598', raw: '+1 (804) 713-4598', part: 'body', start: 0, end: 17, inFeed: true },
    { e164: '+18047134598', raw: '804.713.4598', part: 'body', start: 40, end: 52, inFeed: true },
    { e164: '+18005550100', raw: '800 555 0100', part: 'body', start: 60, end: 72, trusted: true },
  ],
  brands: ['PayPal', 'Norton', 'PayPal'],
};

describe('buildReportPayload', () => {
  const payload = buildReportPayload({
    id: '0b7f3c0e-1d2a-4c5b-9e8f-123456789abc',
    kind: 'number',
    reportedAt: new Date('2026-03-07T10:00:00Z'),
    verdict,
    message: { subject: 'Invoice', from: { address: 'billing@evil.example', name: 'PayPal' }, date: '2026-03-06T09:00:00.000Z', messageId: '<a@b>' },
    surface: 'gmail',
    version: '0.1.0',
  });

  it('produces exactly the DESIGN.md payload', () => {
    expect(payload).toEqual({
      id: '0b7f3c0e-1d2a-4c5b-9e8f-123456789abc',
      kind: 'number',
      reportedAt: '2026-03-07T10:00:00.000Z',
      numbers: ['+18047134598'],
      brands: ['PayPal', 'Norton'],
      level: 'danger',
      reasons: ['feed-number', 'brand-callback-lure'],
      message: { subject: 'Invoice', from: 'billing@evil.example', date: '2026-03-06T09:00:00.000Z', messageId: '<a@b>' },
      client: { surface: 'gmail', version: '0.1.0' },
    });
  });

  it('sends reason codes only, never the message text or evidence', () => {
    expect(JSON.stringify(payload)).not.toContain('call +1');
    expect(JSON.stringify(payload)).not.toContain('Pretends');
  });

  it('leaves trusted numbers out and keeps fields present when the message lacks them', () => {
    const bare = buildReportPayload({
      id: 'x',
      kind: 'message',
      reportedAt: new Date(0),
      verdict,
      message: { subject: '', from: null, date: null },
      surface: 'outlook-web',
      version: '1',
    });
    expect(bare.numbers).not.toContain('+18005550100');
    expect(bare.message).toEqual({ subject: '', from: '', date: '', messageId: '' });
  });
});
