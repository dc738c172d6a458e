// A million entries repeat a few short values (dates, brand names, line types): each is kept once instead of
// a million times. Only strings under 13 characters are kept: V8 copies those when they are cut from a
// bigger text, so the table never holds on to a whole feed.
const MAX_LENGTH = 12;
const MAX_VALUES = 10_000;

let strings = new Map<string, string>();
let lists = new Map<string, string[]>();

export function internText(text: string): string {
  if (text.length > MAX_LENGTH) return text;
  const known = strings.get(text);
  if (known !== undefined) return known;
  if (strings.size >= MAX_VALUES) strings = new Map();
  strings.set(text, text);
  return text;
}

/** One shared array per list of short names. Callers never change a list they get (they build new ones). */
export function internList(names: string[]): string[] {
  if (names.length > 4 || names.some((name) => name.length > MAX_LENGTH)) return names;
  const key = names.join('\u0000');
  const known = lists.get(key);
  if (known !== undefined) return known;
  if (lists.size >= MAX_VALUES) lists = new Map();
  const list = names.map(internText);
  lists.set(key, list);
  return list;
}
