import { describe, expect, it } from 'vitest';
import { extractPhones } from '../../shared/phone/index.ts';

describe('offsets and raw text', () => {
  it.each([
    'Call +1 (804) 713-4598 now',
    'Call \u202a\u202a+1 (804) 713-4598\u202c now',
    'Call 𝟖𝟎𝟒-𝟕𝟏𝟑-𝟒𝟓𝟗𝟖 now',
    'Call ８０４－７１３－４５９８ now',
    'Call 8\u200b0\u200b4\u200b-713-4598 now',
    'Call\r\n804-713-\r\n4598 now',
    'Call (804)\u00a0713-4598 now',
    'Call 8O4[-]7l3[-]4598 now',
  ])('slice(start, end) is the raw text in %j', (text) => {
    const { phones } = extractPhones([{ id: 'body', text }]);
    expect(phones).toHaveLength(1);
    const p = phones[0]!;
    expect(p.e164).toBe('+18047134598');
    expect(text.slice(p.start, p.end)).toBe(p.raw);
    expect(p.raw.startsWith('Call')).toBe(false);
    expect(p.raw.endsWith(' now')).toBe(false);
    expect(p.raw).toMatch(/^[+(8８𝟖]/u);
    expect(p.raw).toMatch(/[8８𝟖]$/u);
  });

  it('exact span of a number with brackets', () => {
    const text = 'x (804) 713-4598 y';
    const p = extractPhones([{ id: 'body', text }]).phones[0]!;
    expect([p.start, p.end]).toEqual([2, 16]);
  });

  it('keeps document order across parts, with each part id and offsets into that part', () => {
    const parts = [
      { id: 'subject', text: 'Renewal: call 888-596-1028' },
      { id: 'body', text: 'Call 804-713-4598 or 888-596-1028.\nAgain: 804-713-4598' },
      { id: 'attachment:invoice.pdf', text: 'Helpdesk +1 828 280 7472' },
    ];
    const { phones } = extractPhones(parts);
    expect(phones.map((p) => [p.part, p.e164])).toEqual([
      ['subject', '+18885961028'],
      ['body', '+18047134598'],
      ['body', '+18885961028'],
      ['body', '+18047134598'],
      ['attachment:invoice.pdf', '+18282807472'],
    ]);
    for (const p of phones) {
      const part = parts.find((x) => x.id === p.part)!;
      expect(part.text.slice(p.start, p.end)).toBe(p.raw);
    }
    const starts = phones.filter((p) => p.part === 'body').map((p) => p.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('one finding per number and position, even if the same part is passed twice', () => {
    const { phones } = extractPhones([{ id: 'body', text: 'Call 804-713-4598' }, { id: 'body', text: 'Call 804-713-4598' }]);
    expect(phones).toHaveLength(1);
  });

  it('region and default region option', () => {
    const { phones } = extractPhones([{ id: 'b', text: 'Ring 020 7946 0958 or +1 416 555 2671' }], { defaultRegion: 'gb' });
    expect(phones.map((p) => [p.e164, p.region])).toEqual([['+442079460958', 'GB'], ['+14165552671', 'CA']]);
  });

  it('rejects an unknown region clearly', () => {
    expect(() => extractPhones([{ id: 'b', text: '' }], { defaultRegion: 'XX' })).toThrow(/unknown region/);
  });

  it('empty and digit-free parts', () => {
    expect(extractPhones([])).toEqual({ phones: [], placeholders: [] });
    expect(extractPhones([{ id: 'b', text: '' }, { id: 'c', text: 'no numbers here' }])).toEqual({ phones: [], placeholders: [] });
  });
});
