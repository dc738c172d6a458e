import data from '../data/brands.json' with { type: 'json' };
import { foldText } from '../lure/fold-text.ts';

interface BrandEntry {
  name: string;
  aliases?: string[];
  products?: string[];
}

const squash = (text: string) => foldText(text).text.replace(/[^a-z0-9]+/g, ' ').trim();
/** Strong names only (aliases and products): weak aliases (apple, norton) need context the lure rules have. */
const BRANDS = (data.brands as BrandEntry[]).map((b) => ({
  name: b.name,
  keys: [...new Set([b.name, ...(b.aliases ?? []), ...(b.products ?? [])].map(squash).filter((k) => k.length >= 4))],
}));
const MAX_CHARS = 50_000;

/** Brands (shared/data/brands.json) named in the text, by their full names and products, whole words. */
export function namedBrands(text: string): string[] {
  const folded = ` ${squash(text.slice(0, MAX_CHARS))} `;
  return BRANDS.filter((b) => b.keys.some((k) => folded.includes(` ${k} `))).map((b) => b.name);
}

/** Whether a merchant or sender name is (or contains) the brand itself. */
export function nameIsBrand(name: string, brand: string): boolean {
  const entry = BRANDS.find((b) => b.name === brand);
  const folded = ` ${squash(name)} `;
  return Boolean(entry?.keys.some((k) => folded.includes(` ${k} `))) || folded.replace(/ /g, '').includes(squash(brand).replace(/ /g, ''));
}
