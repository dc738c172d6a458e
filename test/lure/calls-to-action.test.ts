import { describe, expect, it } from 'vitest';
import { extractLure } from '../../shared/lure/index.ts';
import { body, phoneIn } from './helpers.ts';

const NUMBER = '+1 (866) 955-9506';
const E164 = '+18669559506';

function ctaFor(text: string, raw = NUMBER, e164 = E164) {
  return extractLure(body(text), [phoneIn(text, raw, e164)]).callToAction;
}

describe('calls to action tied to a number', () => {
  const requests: string[] = [
    `please call us at ${NUMBER}`,
    `Contact us at ${NUMBER} to cancel.`,
    `Dial ${NUMBER} now.`,
    `Please reach our helpline on ${NUMBER}.`,
    `Call toll-free ${NUMBER} today.`,
    `Customer support number ${NUMBER}`,
    `Give us a call on ${NUMBER} if you have questions.`,
    `To speak to an agent, use ${NUMBER}.`,
    `Please contact our billing department at ${NUMBER} within 24 hours.`,
    `They can be reached at ${NUMBER}.`,
    `If you need help, our Customer Support team is available at ${NUMBER}.`,
    `In case you did not make this payment, please call our billing support team at ${NUMBER} (Toll Free) to cancel.`,
  ];
  it.each(requests)('%s', (text) => {
    const cta = ctaFor(text);
    expect(cta).toHaveLength(1);
    expect(cta[0]).toMatchObject({ phoneE164: E164, part: 'body', kind: 'request' });
    expect(cta[0]!.evidence).toContain(NUMBER);
    expect(cta[0]!.evidence.length).toBeLessThanOrEqual(120);
  });

  it('takes a request written after the number, in the same sentence', () => {
    const cta = ctaFor(`${NUMBER} (toll free) for cancellation.`);
    expect(cta[0]).toMatchObject({ phoneE164: E164, kind: 'request' });
  });

  const labels: string[] = [`Toll free: ${NUMBER}`, `CONTACT: Jane Doe, ACME Inc. ${NUMBER}`, `Phone: ${NUMBER}`, `Tel. ${NUMBER}`, `Support Desk Line: ${NUMBER}`, `📞 ${NUMBER}`, `Assistance Phone Line:\n${NUMBER}`];
  it.each(labels)('label: %s', (text) => {
    const cta = ctaFor(text);
    expect(cta).toHaveLength(1);
    expect(cta[0]).toMatchObject({ phoneE164: E164, kind: 'label' });
  });

  it('prefers a request over a label for the same number', () => {
    const text = `Phone: ${NUMBER}\nIf this charge was unexpected, call us at ${NUMBER} now.`;
    const second = text.lastIndexOf(NUMBER);
    const phones = [phoneIn(text, NUMBER, E164), { e164: E164, raw: NUMBER, part: 'body', start: second, end: second + NUMBER.length }];
    const cta = extractLure(body(text), phones).callToAction;
    expect(cta).toHaveLength(1);
    expect(cta[0]!.kind).toBe('request');
  });

  it('ties each number to its own request, not to one beyond another number', () => {
    const text = 'Billing: call us at 1 865 299-0651. Regards, Team Lead: Laura, Phone Support: 1 808 259-1814';
    const phones = [phoneIn(text, '1 865 299-0651', '+18652990651'), phoneIn(text, '1 808 259-1814', '+18082591814')];
    const cta = extractLure(body(text), phones).callToAction;
    expect(cta.map((c) => [c.phoneE164, c.kind])).toEqual([
      ['+18652990651', 'request'],
      ['+18082591814', 'label'],
    ]);
  });
});

describe('no call to action', () => {
  it('ignores a request far from the number', () => {
    const text = `Call us any time.${' Lorem ipsum dolor sit amet.'.repeat(12)}\n\nOffice: 12 Main St, ${NUMBER}`;
    expect(ctaFor(text).filter((c) => c.phoneE164)).toEqual([]);
  });

  it('ignores a fax number', () => {
    const text = `Phone: +1 412-268-7090 (24-hour hotline) Fax: +1 412-268-6989`;
    const cta = extractLure(body(text), [phoneIn(text, '+1 412-268-6989', '+14122686989')]).callToAction;
    expect(cta.filter((c) => c.phoneE164)).toEqual([]);
  });

  it('ignores a number in running prose with no request or label', () => {
    expect(ctaFor(`The ticket ${NUMBER} was closed yesterday by the build robot after the merge.`)).toEqual([]);
  });

  it('does not read dial-up or a system call as a request to phone', () => {
    expect(extractLure(body('My dial-up modem makes a system call to the kernel.'), []).callToAction).toEqual([]);
  });
});

describe('calls to action without a number', () => {
  it('keeps a request to phone when the number is not in the text (e.g. in an image)', () => {
    const cta = extractLure(body('If you did not authorize this charge, call us immediately at the number below.'), []).callToAction;
    expect(cta.length).toBeGreaterThan(0);
    expect(cta[0]!.phoneE164).toBeUndefined();
    expect(cta[0]!.evidence).toMatch(/call us/i);
  });

  it('keeps at most a few per part', () => {
    const cta = extractLure(body('Call us. '.repeat(50)), []).callToAction;
    expect(cta.length).toBeLessThanOrEqual(3);
  });
});
