// compilePhrases shares one word-boundary check among neighbouring phrases: every lexicon must match
// exactly as the previous form, one boundary check per phrase, did.
import { describe, expect, it } from 'vitest';
import { compilePhrases } from '../../shared/lure/compile-phrases.ts';
import contexts from '../../shared/data/lure-contexts.json' with { type: 'json' };
import triggers from '../../shared/data/lure-triggers.json' with { type: 'json' };
import cta from '../../shared/data/lure-cta.json' with { type: 'json' };
import mailKind from '../../shared/data/mail-kind.json' with { type: 'json' };
import readerAsks from '../../shared/data/reader-asks.json' with { type: 'json' };
import { randomString, seededRandom } from '../support/seeded-random.ts';

function referenceCompile(phrases: readonly string[]): RegExp {
  const sorted = [...new Set(phrases.map((p) => p.trim().toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return /(?!)/g;
  return new RegExp(sorted.map(referenceOne).join('|'), 'g');
}

function referenceOne(phrase: string): string {
  let body = '';
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase[i]!;
    if (c === ' ') {
      while (phrase[i + 1] === ' ') i++;
      body += '[\\s\\-]+';
    } else if (c === "'") body += "'?";
    else if (c === '*') body += '[a-z]*';
    else if (c === '{' && phrase.startsWith('{n}', i)) {
      body += '\\d{1,4}';
      i += 2;
    } else body += c.replace(/[.*+?^${}()|[\]\\/#-]/g, '\\$&');
  }
  const before = /^[a-z0-9{]/.test(phrase) ? '(?<![a-z0-9])' : '';
  const after = /[a-z0-9*}]$/.test(phrase) ? '(?![a-z0-9])' : '';
  return `${before}${body}${after}`;
}

const matches = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => `${m.index}:${m[0]}`);

/** Every list of phrases in the lexicon file, wherever it sits. */
function phraseLists(value: unknown, out: string[][] = []): string[][] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out.push(value as string[]);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) phraseLists(v, out);
  return out;
}

describe('compilePhrases', () => {
  it('matches what one boundary check per phrase matched, on text built from the phrases themselves', () => {
    const random = seededRandom(7);
    const lists = phraseLists([contexts, triggers, cta, mailKind, readerAsks]);
    let found = 0;
    expect(lists.length).toBeGreaterThan(8);
    for (const phrases of lists) {
      const ours = compilePhrases(phrases);
      const reference = referenceCompile(phrases);
      const words = phrases.flatMap((p) => p.replace(/[*']/g, '').replace(/\{n\}/g, '24').split(' ')).filter(Boolean);
      const alphabet = [...words, ' ', '-', 'x', '9', '.', '\n', 's', 'ed'];
      for (let n = 0; n < 300; n++) {
        const text = randomString(random, alphabet, 30).toLowerCase();
        const expected = matches(reference, text);
        found += expected.length;
        expect(matches(ours, text)).toEqual(expected);
      }
    }
    expect(found).toBeGreaterThan(1000); // the texts do contain phrases
  });

  it('keeps the order of phrases with and without boundaries (longest first)', () => {
    const phrases = ['call us', '+1 call', 'call', 'call us now', '$5 fee', 'fee*', 'us now'];
    const ours = compilePhrases(phrases);
    const reference = referenceCompile(phrases);
    for (const text of ['call us now', 'recall us', '+1 call us', 'a $5 fees', 'call-us now!', 'calls us nowhere', 'us now']) {
      expect(matches(ours, text)).toEqual(matches(reference, text));
    }
  });

  it('tests a word boundary once for a run of phrases, not once per phrase', () => {
    const pattern = compilePhrases(['call us', 'phone us', 'ring us', 'dial us']);
    expect(pattern.source.split('(?<![a-z0-9])').length - 1).toBe(1);
  });
});
