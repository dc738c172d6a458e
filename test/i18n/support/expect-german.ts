// What a German reader sees, searched for English: catalogue sentences German says differently, and common
// English words no German sentence has. Technical details (class "detail-text") are left out on purpose.
import { expect } from 'vitest';
import { CATALOGUES } from '../../../shared/i18n/catalogues.ts';

const en = CATALOGUES.en!;
const german = CATALOGUES.de!;

/** English sentences of the catalogue (parts between {placeholders}) that German says differently. */
export const ENGLISH_PHRASES = Object.entries(en)
  .filter(([key, value]) => value && german[key]?.message !== value.message)
  .flatMap(([, value]) => value!.message.split(/\{\w+\}/))
  .map((part) => part.trim())
  .filter((part) => part.split(/\s+/).length >= 3);

/** Words no German sentence has; catches English that is in no catalogue at all (a checker's own line). */
export const ENGLISH_WORDS =
  /\b(the|and|could|not|your|this|from|with|found|number|numbers|message|messages|report|reports|settings|checked|reading|failed|cannot|expected|positive|list|policy|options|signature|unreadable|fetch|HTTP|E\.164)\b/i;

/** Everything a reader sees or hears: text and labels, shadow roots included, without technical details. */
export function readerText(root: Element | ShadowRoot): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      // Analysts' codes (the banner's "for your security team (codes)" list) and technical details stay as they are.
      if (node.classList.contains('detail-text') || node.matches('dl.codes') || node.tagName === 'CODE' || node.tagName === 'STYLE') return;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = node.getAttribute(name);
        if (value) parts.push(value);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ');
}

export function expectGerman(text: string, what: string, englishWords: RegExp = ENGLISH_WORDS): void {
  expect(text.length, what).toBeGreaterThan(10);
  expect(ENGLISH_PHRASES.filter((phrase) => text.includes(phrase)), what).toEqual([]);
  expect(text.match(englishWords)?.[0], `${what}: ${text}`).toBeUndefined();
}
