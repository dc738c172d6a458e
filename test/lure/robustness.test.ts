import { describe, expect, it } from 'vitest';
import { extractLure } from '../../shared/lure/index.ts';

describe('odd input', () => {
  it('returns empty features for no text', () => {
    expect(extractLure([], [])).toEqual({ brands: [], contexts: [], triggers: [], callToAction: [], amounts: [] });
    expect(extractLure([{ id: 'body', text: '' }], [])).toEqual({ brands: [], contexts: [], triggers: [], callToAction: [], amounts: [] });
  });

  it('ignores numbers whose part or offsets do not fit the text', () => {
    const parts = [{ id: 'body', text: 'Call us at 555.' }];
    const phones = [
      { e164: '+18005550100', raw: 'x', part: 'nowhere', start: 0, end: 3 },
      { e164: '+18005550101', raw: 'x', part: 'body', start: 500, end: 510 },
      { e164: '+18005550102', raw: 'x', part: 'body', start: 9, end: 2 },
    ];
    const lure = extractLure(parts, phones);
    expect(lure.callToAction.every((c) => c.phoneE164 === undefined || c.phoneE164 === '+18005550102')).toBe(true);
  });

  it('takes policy brand names with punctuation and skips names too short to match safely', () => {
    expect(extractLure([{ id: 'body', text: 'Your AT&T bill is overdue' }], [], { extraBrands: ['AT&T', 'X', '((', ''] }).brands).toEqual([
      { brand: 'AT&T', evidence: 'AT&T', part: 'body' },
    ]);
  });

  it('keeps lone surrogates and control characters out of the evidence', () => {
    const lure = extractLure([{ id: 'body', text: 'Pay\u0000Pal \ud800 invoice\u0007 due' }], []);
    for (const hit of [...lure.brands, ...lure.contexts]) expect(hit.evidence).not.toMatch(/[\u0000-\u001f]/);
  });
});
