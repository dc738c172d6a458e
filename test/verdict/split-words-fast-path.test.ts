// countSplitWords and longestInvisibleRun return 0 at once for text without invisible characters: they must
// count as the per-character scans (the previous implementations, below) do.
import { describe, expect, it } from 'vitest';
import { countSplitWords } from '../../shared/verdict/word-splitting.ts';
import { isInvisibleUnit, longestInvisibleRun } from '../../shared/verdict/rendered-length.ts';
import { randomString, seededRandom } from '../support/seeded-random.ts';

function referenceCount(text: string, limit = 1_000): number {
  const invisible = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
  const wordChar = /[\p{L}\p{N}]/u;
  let count = 0;
  let previousWordChar = false;
  let pendingInvisible = 0;
  for (const char of text) {
    if (invisible.test(char)) {
      if (previousWordChar) pendingInvisible++;
      continue;
    }
    const isWord = wordChar.test(char);
    if (isWord && pendingInvisible > 0) {
      count += pendingInvisible;
      if (count >= limit) return count;
    }
    pendingInvisible = 0;
    previousWordChar = isWord;
  }
  return count;
}

describe('countSplitWords', () => {
  it('counts as the per-character scan on random text, with and without invisible characters', () => {
    const random = seededRandom(5);
    const alphabet = [...'ab9 .-', '\u200c', '\u200b', '\u00ad', '\ufeff', '\u2062', 'é', '𝐀', '\ud800', '\n'];
    const plain = [...'ab9 .-', 'é', '𝐀', '\n'];
    for (let n = 0; n < 3000; n++) {
      const text = randomString(random, n % 2 ? alphabet : plain, 30);
      expect(countSplitWords(text)).toBe(referenceCount(text));
      expect(countSplitWords(text, 2)).toBe(referenceCount(text, 2));
    }
  });

  it('counts an invisible character between letters and ignores padding between spaces', () => {
    expect(countSplitWords('Pay\u200cPal')).toBe(1);
    expect(countSplitWords('Hello \u200c\u200c world')).toBe(0);
    expect(countSplitWords('a plain sentence with no tricks at all')).toBe(0);
  });
});

describe('longestInvisibleRun', () => {
  const isSpaceUnit = (code: number) =>
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;

  function referenceRun(text: string, enough = Infinity): number {
    let longest = 0;
    let run = 0;
    for (let i = 0; i < text.length && longest < enough; i++) {
      const code = text.charCodeAt(i);
      if (isInvisibleUnit(code)) {
        if (code === 0xdb40) i++;
        if (++run > longest) longest = run;
      } else if (!isSpaceUnit(code)) {
        run = 0;
      }
    }
    return longest;
  }

  it('finds no run in text without invisible characters, and the same runs as the scan elsewhere', () => {
    const random = seededRandom(9);
    // Every code unit isInvisibleUnit accepts, found by walking the whole BMP, so the fast check cannot miss one.
    const invisible: string[] = [];
    for (let code = 0; code < 0x10000; code++) if (isInvisibleUnit(code)) invisible.push(String.fromCharCode(code));
    expect(invisible.length).toBeGreaterThan(40);
    const alphabet = [...'ab9 .', '\n', '\u00a0', '\u3000', '\udb40\udc20', ...invisible];
    for (let n = 0; n < 3000; n++) {
      const text = randomString(random, n % 3 ? alphabet : [...'ab9 .', '\n', 'é'], 30);
      expect(longestInvisibleRun(text)).toBe(referenceRun(text));
      expect(longestInvisibleRun(text, 2)).toBe(referenceRun(text, 2));
    }
    for (const unit of invisible) expect(longestInvisibleRun(`a${unit}b`)).toBe(1);
  });
});
