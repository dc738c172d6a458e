import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8Into, Utf8StreamDecoder } from '../../shared/feed-sync/utf8-text.ts';

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

describe('streaming strict UTF-8 decoding', () => {
  const reference = (chunks: Uint8Array[]): string | 'error' => {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    try {
      return chunks.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode();
    } catch {
      return 'error';
    }
  };
  const ours = (chunks: Uint8Array[]): string | 'error' => {
    const decoder = new Utf8StreamDecoder();
    try {
      return chunks.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode(new Uint8Array(0));
    } catch (error) {
      expect(error).toBeInstanceOf(TypeError);
      return 'error';
    }
  };
  const split = (bytes: Uint8Array, cuts: number[]): Uint8Array[] => {
    const out: Uint8Array[] = [];
    let at = 0;
    for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
      out.push(bytes.subarray(at, cut));
      at = cut;
    }
    out.push(bytes.subarray(at));
    return out;
  };

  it('decodes what TextDecoder decodes, split anywhere, and refuses what it refuses', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const valid = SAMPLES.map((s) => new TextEncoder().encode(s));
    const invalid = [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0x80], [0xe2, 0x82], [0x61, 0xf0, 0x9f, 0x99]].map((b) => new Uint8Array(b));
    const noise = Array.from({ length: 300 }, () => Uint8Array.from({ length: 1 + Math.floor(random() * 12) }, () => (random() < 0.5 ? 0x41 + Math.floor(random() * 26) : Math.floor(random() * 256))));
    for (const bytes of [...valid, ...invalid, ...noise]) {
      for (let t = 0; t < 6; t++) {
        const cuts = Array.from({ length: Math.floor(random() * 4) }, () => Math.floor(random() * bytes.length));
        expect(ours(split(bytes, cuts))).toBe(reference(split(bytes, cuts)));
      }
    }
  });
});
