// Every reason code the core can emit has a sentence in every catalogue, and no sentence uses a value its
// code does not give. The codes are read from the source (every reason is built through coded()), so a new
// rule without a sentence, or a sentence that asks for a missing value, fails here.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../shared/i18n/catalogues.ts';
import type { Catalogue } from '../../shared/i18n/translator.ts';
import { reasonSentenceKey } from '../../shared/i18n/reason-text.ts';
import {
  FACT_CODES, MISFITS, REASON_FACTS, REASON_SENTENCES, TOPICS, isReasonCode, type ReasonCode,
} from '../../shared/verdict/reason-codes.ts';
import { ALL_CLASSES } from '../../shared/saas/find-mismatches.ts';
import lureContexts from '../../shared/data/lure-contexts.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '../..');
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Codes the source emits: coded('…') calls, and any reason still written as `code: '…'` (which bypasses the registry). */
function emittedCodes(): { coded: Map<string, string>; bare: string[] } {
  const coded = new Map<string, string>();
  const bare: string[] = [];
  for (const file of sourceFiles('shared')) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/\bcoded\(\s*'([a-z-]+)'/g)) coded.set(m[1]!, file);
    for (const m of text.matchAll(/(?:^|[{,])\s*code:\s*['"`]([a-z][a-z-]*)['"`]/gm)) bare.push(`${file}: ${m[1]}`);
  }
  return { coded, bare };
}

/** The `{name}` placeholders of a template. */
const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** A key's templates: the key itself and its plural forms. */
function templates(catalogue: Catalogue, key: string): string[] {
  return [key, ...PLURAL_FORMS.map((form) => `${key}_${form}`)].flatMap((k) => (catalogue[k] ? [catalogue[k]!.message] : []));
}

/** What is wrong with a catalogue's reason sentences: a missing sentence, or a {param} the code does not give. */
function reasonCatalogueProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  for (const code of Object.keys(REASON_SENTENCES) as ReasonCode[]) {
    const variants: Record<string, readonly string[]> = REASON_SENTENCES[code];
    for (const [variant, given] of Object.entries(variants)) {
      const key = reasonSentenceKey(code, variant);
      const found = templates(catalogue, key);
      if (found.length === 0) problems.push(`${key}: no sentence`);
      for (const name of found.flatMap(placeholders)) if (!given.includes(name)) problems.push(`${key}: {${name}} is not given by ${code}`);
    }
  }
  for (const { key, uses } of Object.values(REASON_FACTS)) {
    const found = templates(catalogue, key);
    if (found.length === 0) problems.push(`${key}: no sentence`);
    for (const name of found.flatMap(placeholders)) if (!(uses as readonly string[]).includes(name)) problems.push(`${key}: {${name}} is not given`);
  }
  for (const [prefix, values] of [['reason_topic_', TOPICS], ['reason_misfit_', MISFITS]] as const) {
    for (const value of values) {
      const key = prefix + value.replace(/-/g, '_');
      const found = templates(catalogue, key);
      if (found.length === 0) problems.push(`${key}: no words`);
      if (found.some((t) => placeholders(t).length > 0)) problems.push(`${key}: words take no values`);
    }
  }
  return problems;
}

describe('reason codes and their catalogue sentences', () => {
  const { coded, bare } = emittedCodes();

  it('every reason in shared/ is built through the registry (no bare `code:` literals)', () => {
    expect(bare).toEqual([]);
  });

  it('finds the emitters: every code the source emits is registered, and every registered code is emitted', () => {
    expect(coded.size).toBeGreaterThanOrEqual(24);
    expect([...coded.keys()].filter((code) => !isReasonCode(code))).toEqual([]);
    expect(Object.keys(REASON_SENTENCES).filter((code) => !coded.has(code))).toEqual([]);
    expect(coded.get('saas-consent-link')).toBe('shared/saas/consent-links.ts');
    expect(coded.get('sighting-burst')).toBe('shared/sightings/sighting-reasons.ts');
  });

  for (const language of ['en', 'de']) {
    it(`${language}: a sentence for every code and variant, using only the values its code gives`, () => {
      expect(reasonCatalogueProblems(CATALOGUES[language]!)).toEqual([]);
    });
  }

  it('fails a catalogue that misses a sentence or asks for a value the code does not give', () => {
    const broken: Catalogue = { ...CATALOGUES.en! };
    delete broken.reason_saas_redirect_link;
    broken.reason_feed_number = { message: 'On the list {list} since {date}.' };
    broken.reason_sighting_burst_one = { message: 'In {count} message for {brand}.' };
    expect(reasonCatalogueProblems(broken)).toEqual([
      'reason_feed_number: {date} is not given by feed-number',
      'reason_saas_redirect_link: no sentence',
      'reason_sighting_burst: {brand} is not given by sighting-burst',
    ]);
  });

  it('has words for every lure topic and every content class a platform does not send', () => {
    const contexts = Object.keys(lureContexts).filter((k) => !k.startsWith('$'));
    expect(contexts.filter((c) => !(TOPICS as readonly string[]).includes(c))).toEqual([]);
    expect(ALL_CLASSES.filter((c) => !(MISFITS as readonly string[]).includes(c))).toEqual([]);
  });

  it('only the feed reasons carry feed facts', () => {
    expect([...FACT_CODES].sort()).toEqual(['feed-block', 'feed-expired', 'feed-number']);
  });
});
