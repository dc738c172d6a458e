import lexicon from '../data/saas-lookalike.json' with { type: 'json' };

/** A name that identifies the instance, and what it is (for the reader: "repository", "help desk", "sender name"). */
export interface InstanceName {
  role: string;
  value: string;
  /** Tenant and site names are chosen once by whoever opened the account: check them for generated names. */
  account?: boolean;
}

export interface LookalikeEvidence {
  /** One plain sentence: the repository owner "Client-Billing-Desk" uses the words "billing". */
  text: string;
  /** Money words, brands, generated or web-address names; desk words (support, notifications) are weak. */
  strong: boolean;
  /** The name itself, as its owner wrote it: "Client-Billing-Desk". */
  name: string;
}

const squash = (text: string) => text.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const officeWords = new Set(lexicon.officeWords);
const deskWords = new Set(lexicon.deskWords);
const brands = lexicon.brands.map((brand) => ({ brand, key: squash(brand) }));

/**
 * Evidence that an instance is dressed up as a billing or support desk or as a brand, one finding a line.
 * `ownBrand` is the platform itself, which may appear in its own names (github/docs) without counting.
 */
export function lookalikeEvidence(names: readonly InstanceName[], ownBrand: string): LookalikeEvidence[] {
  const evidence: LookalikeEvidence[] = [];
  for (const { role, value, account } of names) {
    if (!value.trim()) continue;
    const split = words(value.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'));
    const joined = squash(value);
    const money = pick(split, joined, officeWords);
    const desk = pick(split, joined, deskWords);
    if (money.length) evidence.push({ text: `the ${role} "${value}" uses the words ${quoteAll(money)}`, strong: true, name: value });
    if (desk.length) evidence.push({ text: `the ${role} "${value}" uses the words ${quoteAll(desk)}`, strong: false, name: value });
    const named = brands.filter(({ key }) => key.length >= 3 && joined.includes(key) && joined !== key && key !== squash(ownBrand));
    if (named.length) evidence.push({ text: `the ${role} "${value}" uses the name of ${named.map((b) => b.brand).join(', ')}`, strong: true, name: value });
    if (/^[\w-]+\.(?:com|net|org|io|fi|finance|xyz|app)$/i.test(value.trim())) evidence.push({ text: `the ${role} "${value}" is named like a web address`, strong: true, name: value });
    if (account && looksGenerated(value)) evidence.push({ text: `the ${role} "${value}" looks randomly generated`, strong: true, name: value });
  }
  return evidence;
}

/** Whole words from the list, and long list words run together with others (AccountsReceivable). */
function pick(split: readonly string[], joined: string, list: ReadonlySet<string>): string[] {
  const found = new Set(split.filter((w) => list.has(w)));
  for (const word of list) if (word.length > 8 && joined.includes(word)) found.add(word);
  return [...found];
}

const quoteAll = (list: readonly string[]) => list.map((w) => `"${w}"`).join(', ');

function looksGenerated(name: string): boolean {
  const letters = name.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < lexicon.randomName.minLength || letters.length !== name.replace(/[-_.]/g, '').length) return false;
  const vowels = letters.replace(/[^aeiouy]/g, '').length;
  return vowels / letters.length < lexicon.randomName.maxVowelShare;
}
