import { describe, expect, it } from 'vitest';
import { e164s, only } from './extract-helpers.ts';

const N = '+18047134598';

describe('plain formats', () => {
  it.each([
    '804-713-4598', '(804) 713-4598', '(804)713-4598', '804.713.4598', '804 713 4598', '1-804-713-4598',
    '1 (804) 713-4598', '+1 804 713 4598', '+1(804) 713-4598', '+1-804-713-4598', '+18047134598',
    '1.804.713.4598', '(804)-713-4598', '804 7134598', 'Call 8047134598', 'Call 18047134598',
  ])('%s', (text) => {
    expect(e164s(`Please call ${text} today.`)).toEqual([N]);
  });

  it('is not marked obfuscated', () => {
    expect(only('Call +1 (804) 713-4598 now').obfuscated).toBe(false);
  });
});

describe('parenthesised groups', () => {
  it('reads every group in brackets', () => {
    const p = only('Helpline +1 (888) - (596) - (1028) open 24/7');
    expect(p.e164).toBe('+18885961028');
    expect(p.raw).toBe('+1 (888) - (596) - (1028)');
    expect(p.obfuscated).toBe(true);
  });
  it('reads a missing close paren', () => {
    const p = only('call us (888) - (596) - (1028 to cancel');
    expect(p.e164).toBe('+18885961028');
    expect(p.raw).toBe('(888) - (596) - (1028');
  });
});

describe('line breaks inside a number', () => {
  it('RFC 5545 fold in the middle of a group', () => {
    expect(e164s('DESCRIPTION:Call (859) 48\r\n 9-9247 to cancel')).toEqual(['+18594899247']);
  });
  it('hard wrap between groups', () => {
    const p = only('If you did not authorize this call 1 810  \r\n285-6898 immediately');
    expect(p.e164).toBe('+18102856898');
    expect(p.raw).toBe('1 810  \r\n285-6898');
  });
  it('bare LF and CR wraps', () => {
    expect(e164s('call +1 804\n713 4598')).toEqual([N]);
    expect(e164s('call 804-713-\r4598')).toEqual([N]);
  });
  it('does not join across a blank line', () => {
    expect(e164s('Room 804\n\n713 4598')).toEqual([]);
  });
});

describe('invisible characters', () => {
  it.each([
    ['LRE before the number', '\u202a\u202a+18282807472', '+18282807472'],
    ['zero-width space inside', '804\u200b-713\u200b-45\u200b98', N],
    ['zero-width non-joiner and joiner', '8\u200c04-7\u200d13-4598', N],
    ['word joiner', '804\u2060713\u20604598', N],
    ['BOM', '\ufeff804-713-4598', N],
    ['soft hyphen', '804\u00ad713\u00ad4598', N],
    ['RLO/PDF pair', '\u202e804-713-4598\u202c', N],
  ])('%s', (_name, text, expected) => {
    const p = only(`Call ${text} now`);
    expect(p.e164).toBe(expected);
    expect(p.obfuscated).toBe(true);
  });

  it.each([
    ['NBSP', '804\u00a0713\u00a04598'],
    ['narrow NBSP', '(804)\u202f713-4598'],
    ['ideographic space', '804\u3000713\u30004598'],
    ['em space and thin space', '804\u2003713\u20094598'],
    ['tab', '804\t713\t4598'],
  ])('Unicode space: %s', (_name, text) => {
    expect(e164s(`Call ${text}.`)).toEqual([N]);
  });
});

describe('Unicode digits', () => {
  it('full-width digits and punctuation', () => {
    const p = only('Call ＋１ (８０４) ７１３－４５９８');
    expect(p.e164).toBe(N);
    expect(p.obfuscated).toBe(true);
  });
  it.each([
    ['mathematical bold', 0x1d7ce],
    ['mathematical double-struck', 0x1d7d8],
    ['mathematical sans-serif', 0x1d7e2],
    ['mathematical sans-serif bold', 0x1d7ec],
    ['mathematical monospace', 0x1d7f6],
    ['Arabic-Indic', 0x660],
    ['Extended Arabic-Indic', 0x6f0],
    ['Devanagari', 0x966],
    ['Bengali', 0x9e6],
    ['Thai', 0xe50],
  ])('%s', (_name, zero) => {
    const digit = (d: string) => String.fromCodePoint(zero + Number(d));
    const written = '804-713-4598'.replace(/\d/g, digit);
    const text = `Call ${written} today`;
    const p = only(text);
    expect(p.e164).toBe(N);
    expect(p.obfuscated).toBe(true);
    expect(text.slice(p.start, p.end)).toBe(written);
  });
});

describe('digits NFKC reads as digits', () => {
  it.each([
    ['superscript', '⁸⁰⁴-⁷¹³-⁴⁵⁹⁸'],
    ['subscript', '₈₀₄-₇₁₃-₄₅₉₈'],
    ['circled', '⑧⓪④-⑦①③-④⑤⑨⑧'],
    ['negative circled', '❽⓿❹-❼❶❸-❹❺❾❽'],
  ])('%s', (_name, written) => {
    const p = only(`Call ${written} now`);
    expect(p.e164).toBe(N);
    expect(p.obfuscated).toBe(true);
    expect(p.raw).toBe(written);
  });
});

describe('letters for digits', () => {
  it.each([
    ['1-8OO-713-4598', '+18007134598'],
    ['8o4-713-4598', N],
    ['8O4.7l3.459B'.replace('B', '8'), N],
    ['(8O4) 7I3-4598', N],
    ['8|8-713-4598', '+18187134598'],
  ])('%s', (text, expected) => {
    const p = only(`Call ${text} now`);
    expect(p.e164).toBe(expected);
    expect(p.obfuscated).toBe(true);
  });
  it('leaves words alone', () => {
    expect(e164s('Order 12 Iowa 10 lol OIL 804')).toEqual([]);
    expect(e164s('Order 804-713-4598 ok')).toEqual([]); // labelled as an order id
  });
  it('reads numbers glued to words by HTML text', () => {
    expect(e164s('Tel:804-713-4598Fax:804-713-4599')).toEqual([N, '+18047134599']);
    expect(e164s('Call us now1-804-713-4598')).toEqual([N]);
  });
  it('does not read a field separator "|" as a 1', () => {
    expect(e164s('Tel 804-713-4598| Fax 804-713-4599')).toEqual([N, '+18047134599']);
  });
});

describe('defanged and odd separators', () => {
  it.each([
    '804[-]713[-]4598', '804[.]713[.]4598', '804(.)713(.)4598', '804{-}713{-}4598', '804/713/4598',
    '804•713•4598', '804·713·4598', '804_713_4598', '804~713~4598', '804–713–4598', '804—713—4598',
    '804 [-] 713 [-] 4598', '804 − 713 − 4598',
  ])('%s', (text) => {
    const p = only(`Call ${text} now`);
    expect(p.e164).toBe(N);
    expect(p.obfuscated).toBe(true);
  });
});

describe('one digit per space and stray spaces', () => {
  it('one digit per space', () => {
    const p = only('Call 8 0 4 7 1 3 4 5 9 8 now');
    expect(p.e164).toBe(N);
    expect(p.raw).toBe('8 0 4 7 1 3 4 5 9 8');
    expect(p.obfuscated).toBe(true);
  });
  it('one digit per space with trunk 1', () => {
    expect(e164s('Call 1 8 0 4 7 1 3 4 5 9 8')).toEqual([N]);
  });
  it('one digit per dot or dash', () => {
    expect(e164s('Call 8.0.4.7.1.3.4.5.9.8')).toEqual([N]);
    expect(e164s('Call 8-0-4-7-1-3-4-5-9-8')).toEqual([N]);
  });
  it('one digit per space with two spaces', () => {
    expect(e164s('Call  8  0  4  7  1  3  4  5  9  8')).toEqual([N]);
  });
  it('stray spaces left by HTML spans, with a phone label', () => {
    expect(e164s('Call us at 804 71 3 4598')).toEqual([N]);
    expect(e164s('Support: 80 4713 4598')).toEqual([N]);
  });
  it('stray spaces inside groups', () => {
    expect(e164s('Call 80 4-71 3-45 98 now')).toEqual([N]);
    expect(e164s('Call (8 04) 7 13-459 8')).toEqual([N]);
  });
  it('no label, odd split: not a phone', () => {
    expect(e164s('Batch 80 4713 4598 shipped')).toEqual([]);
  });
});

describe('international', () => {
  it.each([
    ['+44 20 7946 0958', '+442079460958'],
    ['+44 (0)20 7946 0958', '+442079460958'],
    ['+91 98450 23817', '+919845023817'],
    ['+91-9845023817', '+919845023817'],
    ['+33 1 42 68 53 00', '+33142685300'],
    ['+49 30 901820', '+4930901820'],
    ['+61 2 9374 4000', '+61293744000'],
  ])('%s', (text, expected) => {
    expect(e164s(`Contact ${text} for help`)).toEqual([expected]);
  });
  it('national numbers of another default region', () => {
    expect(e164s('Call 020 7946 0958 today', 'GB')).toEqual(['+442079460958']);
    expect(e164s('Call 020 7946 0958 today')).toEqual([]);
  });
  it('North American forms under another default region', () => {
    expect(e164s('Call 1-888-596-1028 to cancel', 'GB')).toEqual(['+18885961028']);
    expect(e164s('Call (888) 596-1028 to cancel', 'DE')).toEqual(['+18885961028']);
    expect(e164s('Ruf (030) 2638 4917 an', 'DE')).toEqual(['+493026384917']);
    expect(e164s('Ref 888 596 1028', 'GB')).toEqual([]);
  });
  it('international call prefix instead of +', () => {
    expect(e164s('Call 011 44 20 7946 0958 now')).toEqual(['+442079460958']);
    expect(e164s('Call 011-91-98450-23817')).toEqual(['+919845023817']);
    expect(e164s('Ring 00 44 20 7946 0958', 'GB')).toEqual(['+442079460958']);
    expect(e164s('Room 011 804 713 4598')).toEqual(['+18047134598']);
  });
  it('extensions are dropped', () => {
    expect(e164s('Tel 804-713-4598 x132')).toEqual([N]);
    expect(e164s('Tel 804-713-4598x132')).toEqual([N]);
    expect(e164s('Tel 804-713-4598 ext. 5')).toEqual([N]);
    expect(e164s('Tel +1 804 713 4598 extension 12')).toEqual([N]);
  });
});
