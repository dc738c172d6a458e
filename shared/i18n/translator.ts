// Renders text from a locale catalogue (the extension's `_locales/<lang>/messages.json` shape): a key's
// `message`, with `$1`-style positional and `{name}` named parameters, plural forms chosen by
// Intl.PluralRules (`key_one`, `key_other`, …, picked by the `count` parameter) and numbers formatted for
// the reader's locale. A key missing in the reader's language falls back to English, never to the key name.
// Pure TypeScript: no DOM, no browser API.

export type Catalogue = Record<string, { message: string } | undefined>;
export type Params = readonly string[] | Readonly<Record<string, string | number | undefined>>;
export type Translate = (key: string, params?: Params) => string;

export interface Translator {
  /** The locale the reader gets (a BCP 47 tag, e.g. "de-DE"), used for plurals and numbers. */
  locale: string;
  t: Translate;
  has(key: string): boolean;
}

/** Catalogue language for a locale tag: "de-DE" → "de"; unknown languages get English. */
export function catalogueLanguage(locale: string | undefined, available: readonly string[]): string {
  const lang = (locale ?? '').toLowerCase().replace('_', '-').split('-')[0] ?? '';
  return available.includes(lang) ? lang : 'en';
}

/** The message of a key in the reader's language (English where that language lacks it); undefined when no catalogue has it. */
export type Lookup = (key: string) => string | undefined;

export function createTranslator(locale: string, catalogue: Catalogue, english: Catalogue): Translator {
  return createLookupTranslator(locale, (key) => catalogue[key]?.message ?? english[key]?.message);
}

/** A translator over any lookup of the catalogue's messages (the JSON itself, or the browser's `i18n.getMessage`). */
export function createLookupTranslator(locale: string, lookup: Lookup): Translator {
  const safeLocale = validLocale(locale);
  const plurals = new Intl.PluralRules(safeLocale);
  const numbers = new Intl.NumberFormat(safeLocale);
  const t: Translate = (key, params) => {
    let template: string | undefined;
    if (params && !isPositional(params) && typeof params.count === 'number') {
      template = lookup(`${key}_${plurals.select(params.count)}`) ?? lookup(`${key}_other`);
    }
    template ??= lookup(key);
    if (template === undefined) return missing(key);
    return fill(template, params, numbers);
  };
  return { locale: safeLocale, t, has: (key) => lookup(key) !== undefined || lookup(`${key}_other`) !== undefined };
}

function isPositional(params: Params): params is readonly string[] {
  return Array.isArray(params);
}

function fill(template: string, params: Params | undefined, numbers: Intl.NumberFormat): string {
  if (!params) return template;
  if (isPositional(params)) return template.replace(/\$(\d)/g, (_, n: string) => params[Number(n) - 1] ?? '');
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** A key no catalogue holds is a programming error; readers get nothing rather than a key name. */
function missing(key: string): string {
  console.warn(`Ringfence: no text for "${key}"`);
  return '';
}

function validLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale.replace('_', '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}
