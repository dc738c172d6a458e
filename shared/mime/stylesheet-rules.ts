import { readEscape } from './css-escapes.ts';

/**
 * Declarations from <style> sheets that target a single class or id (".x {…}", "span.x {…}", "#y {…}"),
 * which is how mail hides text by class. Other selectors and @-rules (@media: the desktop reader does not
 * see mobile-only rules) are skipped.
 */
export interface StyleRules {
  byClass: Map<string, string>;
  byId: Map<string, string>;
}

const MAX_SHEET_CHARS = 512 * 1024;
const MAX_RULES = 5000;


export function emptyStyleRules(): StyleRules {
  return { byClass: new Map(), byId: new Map() };
}

/** Replaces comments by a space: in CSS a comment separates tokens, so "no, comment, ne" stays two words. */
function withoutComments(css: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = css.indexOf('/*', from);
    if (open < 0) return out + css.slice(from);
    out += `${css.slice(from, open)} `;
    const close = css.indexOf('*/', open + 2);
    if (close < 0) return out;
    from = close + 2;
  }
}

/** Index just past the block that opens at `open` ("{"), counting nested braces. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const c = css.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i + 1;
  }
  return css.length;
}

/** Adds the rules of one style sheet, in order (later rules win, as in CSS). */
export function addStylesheet(rules: StyleRules, sheet: string): void {
  // "<!--" and "-->" around a sheet (for old mail clients) mean nothing in CSS.
  const css = withoutComments(sheet.length > MAX_SHEET_CHARS ? sheet.slice(0, MAX_SHEET_CHARS) : sheet)
    .split('<!--')
    .join(' ')
    .split('-->')
    .join(' ');
  let pos = 0;
  while (pos < css.length && rules.byClass.size + rules.byId.size < MAX_RULES) {
    while (pos < css.length && /\s/.test(css[pos] as string)) pos++;
    const open = css.indexOf('{', pos);
    if (css[pos] === '@') {
      // "@import …;" ends at its semicolon, "@media … { … }" at the end of its block.
      const semicolon = css.indexOf(';', pos);
      pos = semicolon >= 0 && (open < 0 || semicolon < open) ? semicolon + 1 : open < 0 ? css.length : blockEnd(css, open);
      continue;
    }
    if (open < 0) return;
    const prelude = css.slice(pos, open).trim();
    const close = css.indexOf('}', open);
    const declarations = css.slice(open + 1, close < 0 ? css.length : close);
    pos = close < 0 ? css.length : close + 1;
    for (const selector of prelude.split(',')) {
      const target = singleTarget(selector.trim());
      if (target) add(target.kind === 'class' ? rules.byClass : rules.byId, target.name, declarations);
    }
  }
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

/**
 * The class or id a selector such as ".x", "span.x" or "#y" targets, or null for any other selector. CSS
 * escapes in the name are resolved (".hid\\65" targets class "hide"). One linear pass, no backtracking.
 */
function singleTarget(selector: string): { kind: 'class' | 'id'; name: string } | null {
  let i = 0;
  while (i < selector.length && /[a-z0-9]/i.test(selector[i] as string)) i++;
  const marker = selector[i];
  if (marker !== '.' && marker !== '#') return null;
  let name = '';
  for (i++; i < selector.length; ) {
    const c = selector.charCodeAt(i);
    if (isNameChar(c)) {
      name += selector[i];
      i++;
    } else if (c === 92) {
      const escape = readEscape(selector, i, false);
      if (!escape) return null;
      name += escape.text;
      i = escape.end;
    } else {
      return null;
    }
  }
  return name ? { kind: marker === '.' ? 'class' : 'id', name } : null;
}

function add(map: Map<string, string>, key: string, declarations: string): void {
  const before = map.get(key);
  map.set(key, before === undefined ? declarations : `${before};${declarations}`);
}

/** The sheet declarations that apply to an element with these class and id attributes ("" when none). */
export function sheetStyleFor(rules: StyleRules, classAttribute: string | undefined, id: string | undefined): string {
  if (rules.byClass.size === 0 && rules.byId.size === 0) return '';
  const parts: string[] = [];
  if (classAttribute) {
    for (const name of classAttribute.split(/\s+/)) {
      const declarations = name ? rules.byClass.get(name) : undefined;
      if (declarations !== undefined) parts.push(declarations);
    }
  }
  const byId = id ? rules.byId.get(id.trim()) : undefined;
  if (byId !== undefined) parts.push(byId);
  return parts.join(';');
}
