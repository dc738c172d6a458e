import { describe, expect, it } from 'vitest';
import { extractPhones } from '../../shared/phone/index.ts';

function placeholders(text: string) {
  return extractPhones([{ id: 'body', text }]);
}

describe('template placeholders', () => {
  it.each(['%PHONE%', '%%phone%%', '{{phone}}', '{{ phone_number }}', '{PHONE}', '[PHONE NUMBER]', '[[phone]]',
    '#PHONE#', '#TFN#', '<<Phone>>', '$PHONE$', '{{support_number}}', '[Toll Free Number]', '%CALLBACK%',
    '(XXX) XXX-XXXX', '1-800-XXX-XXXX', '###-###-####'])('%s', (field) => {
    const text = `To cancel, call ${field} within 24 hours.`;
    const r = placeholders(text);
    expect(r.phones).toEqual([]);
    expect(r.placeholders).toHaveLength(1);
    const p = r.placeholders[0]!;
    expect(p.kind).toBe('template');
    expect(p.raw).toBe(field);
    expect(text.slice(p.start, p.end)).toBe(field);
    expect(p.part).toBe('body');
  });

  it.each(['[Click here]', '{{name}}', '%20', '50% off, 20% more', '#1 choice #2', '[1]', '<<EOF', '{ "phone": 1 }',
    '$5 and $10', 'Order #12345#'])('not a phone field: %s', (text) => {
    expect(placeholders(text).placeholders).toEqual([]);
  });
});

describe('fake numbers', () => {
  it.each([
    ['1-800-123-4567', '1-800-123-4567'],
    ['+91-1234567890', '+91-1234567890'],
    ['(212) 555-0123', '(212) 555-0123'],
    ['800-555-0199', '800-555-0199'],
    ['888-888-8888', '888-888-8888'],
    ['(000) 000-0000', '(000) 000-0000'],
    ['123-456-7890', '123-456-7890'],
    ['987-654-3210', '987-654-3210'],
    ['+1 234 567 8901', '+1 234 567 8901'],
  ])('%s', (written, raw) => {
    const text = `Call us at ${written} now`;
    const r = placeholders(text);
    expect(r.phones).toEqual([]);
    expect(r.placeholders.map((p) => [p.kind, p.raw])).toEqual([['fake', raw]]);
    const p = r.placeholders[0]!;
    expect(text.slice(p.start, p.end)).toBe(raw);
  });

  it('keeps real numbers in the 555 exchange outside 01XX', () => {
    expect(placeholders('Call 1-800-555-1212').phones.map((p) => p.e164)).toEqual(['+18005551212']);
  });

  it('an unlabelled bare counting run is noise, not a fake phone', () => {
    expect(placeholders('x = 1234567890;').placeholders).toEqual([]);
    expect(placeholders('keys 1 2 3 4 5 6 7 8 9 0 on the top row').placeholders).toEqual([]);
  });
});
