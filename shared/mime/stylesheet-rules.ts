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

const CLASS_SELECTOR = /^[a-z0-9]*\.([\w-]+)$/i;
const ID_SELECTOR = /^[a-z0-9]*#([\w-]+)$/i;

export function emptyStyleRules(): StyleRules {
  return { byClass: new Map(), byId: new Map() };
}

function withoutComments(css: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = css.indexOf('/*', from);
    if (open < 0) return out + css.slice(from);
    out += css.slice(from, open);
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
      const s = selector.trim();
      const byClass = CLASS_SELECTOR.exec(s);
      if (byClass?.[1]) add(rules.byClass, byClass[1], declarations);
      const byId = ID_SELECTOR.exec(s);
      if (byId?.[1]) add(rules.byId, byId[1], declarations);
    }
  }
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
