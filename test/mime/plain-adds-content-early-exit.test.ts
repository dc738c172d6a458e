// plainAddsContent stops looking once enough words are missing (the count only grows): it must answer as
// the previous version (below), which checked every word first, does.
import { describe, expect, it } from 'vitest';
import { plainAddsContent } from '../../shared/mime/plain-adds-content.ts';
import type { HtmlText } from '../../shared/mime/html-to-text.ts';
import { randomString, seededRandom } from '../support/seeded-random.ts';

function reference(plain: string, rendered: HtmlText): boolean {
  const hrefs = rendered.links.map((link) => link.href).join('\n');
  const html = `${rendered.visible}\n${rendered.hidden}\n${hrefs}`;
  if (plain.length > 2_000_000 || html.length > 2_000_000) return true;
  const words = new Set<string>();
  for (const match of html.toLowerCase().matchAll(/\p{L}{3,}/gu)) words.add(match[0]);
  const plainWords = new Set<string>();
  const unmatched: string[] = [];
  for (const match of plain.toLowerCase().matchAll(/\p{L}{3,}/gu)) {
    const word = match[0];
    if (plainWords.has(word)) continue;
    plainWords.add(word);
    if (!words.has(word)) unmatched.push(word);
  }
  const htmlLetters = html.toLowerCase().replace(/\P{L}+/gu, '');
  let budget = 50_000_000;
  let missing = 0;
  for (const word of unmatched) {
    budget -= htmlLetters.length * Math.min(word.length, 64);
    if (budget < 0) return true;
    if (!htmlLetters.includes(word)) missing++;
  }
  if (missing >= 8 && missing >= plainWords.size * 0.2) return true;
  const htmlDigits = html.replace(/\D+/g, '');
  for (const match of plain.matchAll(/\p{Nd}(?:[\p{Nd} ().\-/]*\p{Nd})?/gu)) {
    const digits = match[0].replace(/\D+/g, '');
    if (digits.length < 5 || digits.length > 32) continue;
    budget -= htmlDigits.length * digits.length;
    if (budget < 0) return true;
    if (!htmlDigits.includes(digits)) return true;
  }
  return false;
}

describe('plainAddsContent', () => {
  it('answers as the word-by-word reference on random plain and HTML renderings', () => {
    const random = seededRandom(11);
    const words = ['call', 'paypal', 'refund', 'order', 'norton', 'renewal', 'invoice', 'support', 'team', 'thanks', 'view', 'browser', 'unsubscribe', 'Déjà', 'naïve'];
    const pieces = [...words.map((w) => `${w} `), '1-888-555-0100 ', '(859) 489-9247 ', '12345 ', '\n', '. '];
    // Words only the plain part may hold, so that 8 and more can be missing.
    const extra = [...pieces, ...'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike oscar papa quebec romeo sierra'.split(' ').map((w) => `${w} `)];
    let adds = 0;
    for (let n = 0; n < 2000; n++) {
      const visible = randomString(random, pieces, 40);
      const plain = random() < 0.5 ? visible + randomString(random, extra, 10 + (n % 30)) : randomString(random, pieces, 40);
      const rendered: HtmlText = { visible, hidden: random() < 0.2 ? randomString(random, pieces, 5) : '', links: [] };
      const expected = reference(plain, rendered);
      if (expected) adds++;
      expect(plainAddsContent(plain, rendered)).toBe(expected);
    }
    expect(adds).toBeGreaterThan(200);
    expect(adds).toBeLessThan(1800);
  });
});
