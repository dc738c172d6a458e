// countSplitWords returns 0 at once for text without invisible characters: it must count as the
// per-character scan (the previous implementation, below) does.
import { describe, expect, it } from 'vitest';
import { countSplitWords } from '../../shared/verdict/word-splitting.ts';
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
