import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8Into } from '../../shared/feed-sync/utf8-text.ts';

const SAMPLES = [
  '',
  '["+12025550000",0,null,"2026-03-03"]',
  'Société Générale – Zürich',
  '中文 标签 🙂 and 𝄞 clef',
  'lone \ud800 high and \udc00 low',
  'x'.repeat(10_000) + 'é'.repeat(5_000) + '🙂'.repeat(3_000),
];

describe('UTF-8 for bucket rows', () => {
  it('writes the bytes TextEncoder writes, at an offset, and reads them back', () => {
    for (const text of SAMPLES) {
      const expected = new TextEncoder().encode(text);
      const out = new Uint8Array(7 + text.length * 3);
      const written = encodeUtf8Into(text, out, 7);
      expect(written).toBe(expected.length);
      expect([...out.subarray(7, 7 + written)]).toEqual([...expected]);
      expect(decodeUtf8(out, 7, 7 + written)).toBe(new TextDecoder().decode(expected));
    }
  });
});
