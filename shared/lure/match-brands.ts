import lexicon from '../data/brands.json' with { type: 'json' };
import type { BrandHit } from './types.ts';
import type { ScanUnit } from './plan-units.ts';
import { addAlias, letterClass, newTrie, type AliasEntry, type BrandTrie } from './brand-trie.ts';
import { compilePhrases } from './compile-phrases.ts';
import { cleanSlice } from './make-evidence.ts';

/** How far (folded characters) a context word may sit from a weak alias ("Norton" ... "subscription"). */
const CONTEXT_REACH = 80;
/** Separator characters allowed inside a name ("Pay-Pal", "N.o.r.t.o.n", "P a y P a l"), at most 3 in a row. */
const SEPARATORS = new Set([' ', '.', '-', '_', '*', "'", '/', '\n', ',', '~', '+', '&', '"']);
const MAX_SEPARATOR_RUN = 3;

interface BrandEntry {
  name: string;
  aliases?: string[];
  weakAliases?: string[];
  products?: string[];
  context?: string[];
}

interface Split {
  depth: number;
  sep: string;
}

interface Candidate {
  unit: ScanUnit;
  start: number;
  end: number;
  entry: AliasEntry;
}

const brandEntries: BrandEntry[] = lexicon.brands;
const contextPatterns = new Map<string, RegExp>();
const tries = new Map<string, BrandTrie>();

/** Number of names (aliases, weak aliases, products) in the bundled lexicon, for reports. */
export const LEXICON_SIZE = {
  brands: brandEntries.length,
  names: brandEntries.reduce((n, b) => n + (b.aliases?.length ?? 0) + (b.weakAliases?.length ?? 0) + (b.products?.length ?? 0), 0),
};

function buildTrie(extraBrands: readonly string[]): BrandTrie {
  const trie = newTrie();
  for (const brand of brandEntries) {
    for (const alias of [...(brand.aliases ?? []), ...(brand.products ?? [])]) addAlias(trie, alias, brand.name, false);
    for (const alias of brand.weakAliases ?? []) addAlias(trie, alias, brand.name, true);
  }
  for (const phrase of lexicon.notBrands) addAlias(trie, phrase, null, false);
  for (const extra of extraBrands) {
    const name = extra.trim().slice(0, 80);
    if (name) addAlias(trie, name, name, false);
  }
  return trie;
}

function trieFor(extraBrands: readonly string[]): BrandTrie {
  const key = extraBrands.join('\n');
  let trie = tries.get(key);
  if (!trie) {
    if (tries.size >= 8) tries.delete(tries.keys().next().value!);
    trie = buildTrie(extraBrands);
    tries.set(key, trie);
  }
  return trie;
}

function contextPattern(brand: string): RegExp {
  let pattern = contextPatterns.get(brand);
  if (!pattern) {
    const own = brandEntries.find((b) => b.name === brand)?.context ?? [];
    pattern = compilePhrases([...lexicon.contextWords, ...own]);
    contextPatterns.set(brand, pattern);
  }
  return pattern;
}

/**
 * Impersonated brands. Strong names (PayPal, McAfee, Norton 360) always count; weak ones (Apple, Norton, Gemini)
 * need a capital letter and a context word nearby, or a strong name of the same brand elsewhere in the message.
 */
export function findBrands(units: readonly ScanUnit[], extraBrands: readonly string[] = []): BrandHit[] {
  const trie = trieFor(extraBrands);
  const candidates: Candidate[] = [];
  for (const unit of units) scanUnit(unit, trie, candidates);
  const strong = new Set(candidates.filter((c) => !c.entry.weak).map((c) => c.entry.brand));
  const hits: BrandHit[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const brand = c.entry.brand;
    if (brand === null) continue;
    if (c.entry.weak && !strong.has(brand) && !weakAliasHolds(c, brand) && !displayNameHolds(c, brand, units)) continue;
    const key = `${brand}\u0000${c.unit.part}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const from = c.unit.folded.origin[c.start]!;
    const to = c.unit.folded.origin[c.end]!;
    hits.push({ brand, evidence: cleanSlice(c.unit.source, from, to), part: c.unit.part });
  }
  return hits;
}

function weakAliasHolds(c: Candidate, brand: string): boolean {
  const written = c.unit.source.slice(c.unit.folded.origin[c.start]!, c.unit.folded.origin[c.end]!);
  if (c.unit.part !== 'from-name' && !/[A-Z\u0080-\uffff]/.test(written)) return false;
  const text = c.unit.folded.text;
  const window = text.slice(Math.max(0, c.start - CONTEXT_REACH), Math.min(text.length, c.end + CONTEXT_REACH));
  const pattern = contextPattern(brand);
  pattern.lastIndex = 0;
  return pattern.test(window);
}

/** Folded characters of each other part searched for a context word that backs a brand in the sender's name. */
const DISPLAY_NAME_REACH = 4_000;

/**
 * A sender's name that is a weak alias with a capital ("Microsoft", "Apple Billing") speaks for the brand
 * when the message itself is about an account, bill or service (a context word in the subject or body head).
 */
function displayNameHolds(c: Candidate, brand: string, units: readonly ScanUnit[]): boolean {
  if (c.unit.part !== 'from-name') return false;
  const written = c.unit.source.slice(c.unit.folded.origin[c.start]!, c.unit.folded.origin[c.end]!);
  if (!/^[A-Z]/.test(written)) return false;
  const pattern = contextPattern(brand);
  return units.some((unit) => {
    if (unit.part === 'from-name') return false;
    pattern.lastIndex = 0;
    return pattern.test(unit.folded.text.slice(0, DISPLAY_NAME_REACH));
  });
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
}

/** isWordChar for a UTF-16 code unit (NaN before the start of the text). */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Longest valid name starting at each word start; matches do not overlap. Linear: each walk is bounded by the longest name. */
function scanUnit(unit: ScanUnit, trie: BrandTrie, out: Candidate[]): void {
  const text = unit.folded.text;
  const limit = trie.maxLength * (MAX_SEPARATOR_RUN + 1);
  for (let i = 0; i < text.length; i++) {
    if (isWordCode(text.charCodeAt(i - 1))) continue; // inside a word (the usual case): no string made
    const cls = letterClass(text[i]!);
    if (!cls || !trie.root.next.has(cls)) continue;
    const found = walk(text, i, trie, limit);
    if (found) {
      out.push({ unit, start: i, end: found.end, entry: found.entry });
      i = found.end - 1;
    }
  }
}

function walk(text: string, start: number, trie: BrandTrie, limit: number): { end: number; entry: AliasEntry } | undefined {
  let node = trie.root;
  let depth = 0;
  let pos = start;
  const splits: Split[] = [];
  let best: { end: number; entry: AliasEntry } | undefined;
  while (pos < text.length && pos - start <= limit) {
    const c = text[pos]!;
    const cls = letterClass(c);
    if (cls) {
      const child = node.next.get(cls);
      if (!child) break;
      node = child;
      depth++;
      pos++;
      if (node.entries.length > 0 && !isWordChar(text[pos])) {
        const entry = node.entries.find((e) => splitsAllowed(e, splits));
        if (entry) best = { end: pos, entry };
      }
      continue;
    }
    if (depth === 0 || !SEPARATORS.has(c)) break;
    let j = pos;
    let newlines = 0;
    while (j < text.length && j - pos < MAX_SEPARATOR_RUN && SEPARATORS.has(text[j]!)) {
      if (text[j] === '\n') newlines++;
      j++;
    }
    if (newlines > 1 || j >= text.length || !letterClass(text[j]!) || SEPARATORS.has(text[j]!)) break;
    splits.push({ depth, sep: j - pos === 1 ? text[pos]! : text.slice(pos, j) });
    pos = j;
  }
  return best;
}

/** Splits inside a name are fine where the name has a space, when every letter stands alone, or once in a long name. */
function splitsAllowed(entry: AliasEntry, splits: readonly Split[]): boolean {
  if (splits.length === 0) return true;
  const foreign = splits.filter((s) => !entry.freeSplits.has(s.depth));
  if (foreign.length === 0) return true;
  if (splits.length >= entry.length - 1) {
    const depths = new Set(splits.map((s) => s.depth));
    let all = true;
    for (let d = 1; d < entry.length; d++) if (!depths.has(d)) all = false;
    if (all) return true;
  }
  return foreign.length === 1 && entry.length >= 6 && /^[ .\-]$/.test(foreign[0]!.sep);
}
