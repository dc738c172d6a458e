import { describe, expect, it } from 'vitest';
import { foldText, foldedIndexAt } from '../../shared/lure/fold-text.ts';
import { planUnits, HEAD_CHARS, PHONE_WINDOW } from '../../shared/lure/plan-units.ts';

describe('foldText', () => {
  it('lower-cases, strips accents, invisible characters and look-alikes, and keeps line breaks', () => {
    const { text } = foldText('Pаy\u200bPal\u00a0McAfée\r\nΝοrton\tＴＯＬＬ 𝐅𝐑𝐄𝐄 — it’s');
    expect(text).toBe("paypal mcafee\n\nnorton toll free - it's");
  });

  it('maps every folded character back to the source', () => {
    const source = 'a\u200bB\u{1D40D}ﬁ\u0301x';
    const folded = foldText(source, 100);
    expect(folded.text).toBe('abnfix');
    expect([...folded.origin]).toEqual([100, 102, 103, 105, 105, 107, 108]);
    expect(foldedIndexAt(folded, 103)).toBe(2);
    expect(foldedIndexAt(folded, 106)).toBe(5);
    expect(foldedIndexAt(folded, 108)).toBe(6);
  });
});

describe('planUnits', () => {
  it('reads a short part whole', () => {
    const units = planUnits([{ id: 'body', text: 'hello' }], []);
    expect(units).toHaveLength(1);
    expect(units[0]!.folded.text).toBe('hello');
  });

  it('reads the head of a long part plus a window around each far number', () => {
    const text = 'x'.repeat(HEAD_CHARS * 3);
    const at = HEAD_CHARS * 2;
    const units = planUnits([{ id: 'body', text }], [{ e164: '+18005550100', raw: '', part: 'body', start: at, end: at + 10 }]);
    expect(units).toHaveLength(2);
    expect(units[0]!.folded.text.length).toBe(HEAD_CHARS);
    expect(units[1]!.folded.origin[0]).toBe(at - PHONE_WINDOW);
    expect(units[1]!.folded.text.length).toBe(2 * PHONE_WINDOW);
  });

  it('ignores numbers of other parts', () => {
    const text = 'x'.repeat(HEAD_CHARS * 2);
    const units = planUnits([{ id: 'body', text }], [{ e164: '+18005550100', raw: '', part: 'calendar', start: HEAD_CHARS + 10, end: HEAD_CHARS + 20 }]);
    expect(units).toHaveLength(1);
  });
});
