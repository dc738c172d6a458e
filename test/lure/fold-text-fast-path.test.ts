// foldText was rewritten for speed (no closure per character, recent results kept): it must fold exactly as
// the straightforward per-character version below, which is the previous implementation.
import { describe, expect, it } from 'vitest';
import homoglyphData from '../../shared/data/lure-homoglyphs.json' with { type: 'json' };
import { foldText } from '../../shared/lure/fold-text.ts';
import { randomString, seededRandom } from '../support/seeded-random.ts';

const HOMOGLYPHS: Record<string, string> = Object.create(null) as Record<string, string>;
for (const [folded, sources] of Object.entries(homoglyphData.fold)) for (const source of sources) HOMOGLYPHS[source] = folded;

function referenceFoldCodePoint(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029' || ch === '\v' || ch === '\f') return '\n';
  if (/^\s$/u.test(ch)) return ' ';
  if (/^[\p{Default_Ignorable_Code_Point}\p{Cc}]$/u.test(ch)) return '';
  const decomposed = HOMOGLYPHS[ch] ?? ch.normalize('NFKD').replace(/\p{M}/gu, '');
  let out = '';
  for (const c of decomposed) out += HOMOGLYPHS[c] ?? c;
  out = out.toLowerCase();
  return out.length > 8 ? out.slice(0, 8) : out;
}

function referenceFold(text: string, base = 0): { text: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      let out = '';
      if (code >= 0x41 && code <= 0x5a) out = String.fromCharCode(code + 32);
      else if (code === 0x0a || code === 0x0d) out = '\n';
      else if (code === 0x09 || code === 0x0b || code === 0x0c) out = ' ';
      else if (code >= 0x20 && code !== 0x7f) out = text[i]!;
      for (const unit of out) {
        folded += unit;
        origin.push(base + i);
      }
      i += 1;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const out = referenceFoldCodePoint(cp);
    for (let k = 0; k < out.length; k++) {
      folded += out[k];
      origin.push(base + i);
    }
    i += cp > 0xffff ? 2 : 1;
  }
  origin.push(base + text.length);
  return { text: folded, origin };
}

const ALPHABET = [
  ...'aZq09 .-:@', '\n', '\r', '\t', '\v', '\f', '\x00', '\x1f', '\x7f', '\u00a0', 'é', 'e\u0301', 'ﬁ', 'ﬃ', '𝐀', '\u200b',
  '\ufeff', 'İ', 'ß', '\u2028', 'Ⓐ', '\ud800', '\udc00', 'ǅ', '０', 'Ａ', 'Α', 'а', 'һ', '™', '½', '…',
];

describe('foldText fast path', () => {
  it('folds random text exactly as the per-character reference, origins included', () => {
    const random = seededRandom(13);
    for (let n = 0; n < 3000; n++) {
      const text = randomString(random, ALPHABET, 40);
      const base = n % 3 === 0 ? 0 : n;
      const folded = foldText(text, base);
      expect({ text: folded.text, origin: [...folded.origin] }).toEqual(referenceFold(text, base));
    }
  });

  it('folds plain ASCII text (printable and white-space controls) as the reference', () => {
    const random = seededRandom(17);
    const ascii = [...'AZaz09 .-:@~', '\n', '\r', '\t', '\v', '\f'];
    for (let n = 0; n < 2000; n++) {
      const text = randomString(random, n % 5 ? ascii : [...ascii, '\x7f', '\x00', 'é'], 60);
      const folded = foldText(text, n);
      expect({ text: folded.text, origin: [...folded.origin] }).toEqual(referenceFold(text, n));
    }
  });

  it('grows its buffers when folds are longer than the text', () => {
    const text = 'ﬃ'.repeat(5000) + 'x';
    const folded = foldText(text);
    expect({ text: folded.text, origin: [...folded.origin] }).toEqual(referenceFold(text));
  });

  it('hands back the same folding when the same text is folded again, and a fresh one for another base', () => {
    const text = `Call PayPal at 1-888-555-0100 ${'now '.repeat(50)}`;
    const first = foldText(text);
    expect(foldText(text)).toBe(first);
    const shifted = foldText(text, 10);
    expect(shifted).not.toBe(first);
    expect(shifted.origin[0]).toBe(10);
  });
});
