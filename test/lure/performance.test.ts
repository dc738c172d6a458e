import { describe, expect, it } from 'vitest';
import type { PhoneFinding } from '../../shared/types.ts';
import { extractLure } from '../../shared/lure/index.ts';
import { HEAD_CHARS } from '../../shared/lure/plan-units.ts';

const MB = 1024 * 1024;

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

describe('work stays bounded', () => {
  it('reads a 20 MB body in well under a second or two, and still sees the lure near a number at the end', () => {
    const filler = 'Minutes of the meeting: we discussed the build, the release and the call for papers. ';
    let text = filler.repeat(Math.ceil((20 * MB) / filler.length));
    const tail = 'Your McAfee subscription was renewed for $499.99. To cancel, call us at +1 (866) 955-9506 now.';
    text += tail;
    const start = text.length - tail.length + tail.indexOf('+1 (866)');
    const phone: PhoneFinding = { e164: '+18669559506', raw: '+1 (866) 955-9506', part: 'body', start, end: start + 17 };
    const { result, ms } = timed(() => extractLure([{ id: 'body', text }], [phone]));
    expect(ms).toBeLessThan(5_000);
    expect(result.brands.map((b) => b.brand)).toContain('McAfee');
    expect(result.callToAction).toContainEqual(expect.objectContaining({ phoneE164: '+18669559506', kind: 'request' }));
    expect(result.amounts.map((a) => a.value)).toContain(499.99);
  });

  const hostile: [string, string][] = [
    ['spaced letters', 'p a y p a '],
    ['separators', '.-.-.-*** '],
    ['digits with separators', '1,000,000.'],
    ['currency signs', '$$$$€€€£ 1'],
    ['requests', 'call call us contact '],
    ['zero-width', '\u200b\u200c\u200d\u2060'],
    ['homoglyphs', 'раураl ѕесurіtу '],
    ['phrase prefixes', 'if you did not if this was not within within '],
    ['leetspeak', 'n0rt0n p@yp@1 m(@f33 '],
  ];
  it.each(hostile)('handles a part made of %s', (_name, unit) => {
    const text = unit.repeat(Math.ceil(HEAD_CHARS / unit.length) * 4);
    const { ms } = timed(() => extractLure([{ id: 'body', text }], []));
    expect(ms).toBeLessThan(3_000);
  });

  it('handles thousands of numbers with requests between them', () => {
    const piece = 'call us at 1 800 555 0100 or ';
    const text = piece.repeat(5_000);
    const phones: PhoneFinding[] = [];
    for (let i = 0; i < 5_000; i++) {
      const start = i * piece.length + piece.indexOf('1 800');
      phones.push({ e164: '+18005550100', raw: '1 800 555 0100', part: 'body', start, end: start + 14 });
    }
    const { result, ms } = timed(() => extractLure([{ id: 'body', text }], phones));
    expect(ms).toBeLessThan(3_000);
    expect(result.callToAction.filter((c) => c.phoneE164)).toHaveLength(1);
  });
});
