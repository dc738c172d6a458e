import type { HtmlText } from './html-to-text.ts';

// Beyond these sizes the comparison is skipped and the plain part is kept, so nothing is lost.
const MAX_COMPARED_CHARS = 2_000_000;
// Worst-case character comparisons spent on substring look-ups; past it the plain part is kept.
const CHECK_BUDGET = 50_000_000;
const MAX_NUMBER_DIGITS = 32;
// Distinct letter words (3+ letters) the HTML lacks, in number and as a share of the plain part's words,
// before the plain part counts as saying something else (wrappers such as "view in browser" do not).
const MISSING_WORDS = 8;
const MISSING_SHARE = 0.2;

const WORD = /\p{L}{3,}/gu;
// A run of digits with the separators numbers are written with: a phone number, a reference, an amount.
const NUMBER = /\p{Nd}(?:[\p{Nd} ().\-/]*\p{Nd})?/gu;

function enoughMissing(missing: number, words: number): boolean {
  return missing >= MISSING_WORDS && missing >= words * MISSING_SHARE;
}

function digitsOf(text: string): string {
  return text.replace(/\D+/g, '');
}

/**
 * True when a plain-text alternative holds words or numbers that its HTML rendering (visible or hidden)
 * (or link addresses) lack: then a reader of the plain version sees something the HTML does not show.
 */
export function plainAddsContent(plain: string, rendered: HtmlText): boolean {
  const hrefs = rendered.links.map((link) => link.href).join('\n');
  const html = `${rendered.visible}\n${rendered.hidden}\n${hrefs}`;
  if (plain.length > MAX_COMPARED_CHARS || html.length > MAX_COMPARED_CHARS) return true;
  const htmlLower = html.toLowerCase();
  const words = new Set<string>();
  for (const match of htmlLower.matchAll(WORD)) words.add(match[0]);
  const plainWords = new Set<string>();
  const unmatched: string[] = [];
  for (const match of plain.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (plainWords.has(word)) continue;
    plainWords.add(word);
    if (!words.has(word)) unmatched.push(word);
  }
  // Words run together in one rendering ("LifeLockHey") are looked for in the HTML's letters alone.
  const htmlLetters = htmlLower.replace(/\P{L}+/gu, '');
  let budget = CHECK_BUDGET;
  let missing = 0;
  for (const word of unmatched) {
    budget -= htmlLetters.length * Math.min(word.length, 64);
    if (budget < 0) return true;
    if (!htmlLetters.includes(word)) missing++;
    if (enoughMissing(missing, plainWords.size)) return true; // the count only grows: the answer is known
  }
  if (enoughMissing(missing, plainWords.size)) return true;
  // Numbers are compared digit for digit: the HTML may split or join them differently.
  const htmlDigits = digitsOf(html);
  for (const match of plain.matchAll(NUMBER)) {
    const digits = digitsOf(match[0]);
    if (digits.length < 5 || digits.length > MAX_NUMBER_DIGITS) continue;
    budget -= htmlDigits.length * digits.length;
    if (budget < 0) return true;
    if (!htmlDigits.includes(digits)) return true;
  }
  return false;
}
