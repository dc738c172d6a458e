import { readEscape } from './css-escapes.ts';

const MAX_STYLE_CHARS = 8192;

/**
 * Parses a `style` attribute (entities already decoded) into lower-case property → value, last one wins,
 * `!important` dropped. Reads it as CSS does: comments separate tokens, escapes (`n\6f ne`) stand for their
 * character but never act as a delimiter (`display\:none` is no declaration), and `;` inside a string or
 * parentheses does not end a declaration.
 */
export function parseInlineStyle(style: string): Map<string, string> {
  const declarations = new Map<string, string>();
  const s = style.length > MAX_STYLE_CHARS ? style.slice(0, MAX_STYLE_CHARS) : style;
  let name = '';
  let value = '';
  let inValue = false;
  let quote = 0;
  let parens = 0;
  const append = (text: string) => {
    if (inValue) value += text;
    else name += text;
  };
  const finish = () => {
    if (inValue) addDeclaration(declarations, name, value);
    name = value = '';
    inValue = false;
    parens = 0;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) {
      const escape = readEscape(s, i, quote !== 0);
      if (escape) {
        append(escape.text);
        i = escape.end - 1;
        continue;
      }
    } else if (quote !== 0) {
      // A string ends at its quote, or (unclosed) at a newline.
      if (c === quote || c === 10 || c === 12 || c === 13) quote = 0;
    } else if (c === 47 /* / */ && s.charCodeAt(i + 1) === 42 /* * */) {
      const close = s.indexOf('*/', i + 2);
      append(' ');
      i = close < 0 ? s.length : close + 1;
      continue;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 40 /* ( */) {
      parens++;
    } else if (c === 41 /* ) */) {
      if (parens > 0) parens--;
    } else if (c === 59 /* ; */ && parens === 0) {
      finish();
      continue;
    } else if (c === 58 /* : */ && !inValue) {
      inValue = true;
      continue;
    }
    append(s[i] as string);
  }
  finish();
  return declarations;
}

function addDeclaration(declarations: Map<string, string>, rawName: string, rawValue: string): void {
  const property = rawName.trim().toLowerCase();
  let value = rawValue.trim().toLowerCase();
  const important = value.indexOf('!');
  if (important >= 0) value = value.slice(0, important).trim();
  if (property) declarations.set(property, value);
}

export interface Length {
  value: number;
  unit: string;
}

/** Reads a CSS length such as "0", "1px", "0.5em", "80%". Null when it is not one. */
export function parseLength(text: string): Length | null {
  const t = text.trim();
  let i = 0;
  if (t[i] === '-' || t[i] === '+') i++;
  const numberStart = i;
  while (i < t.length && ((t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) || t[i] === '.')) i++;
  if (i === numberStart) return null;
  const value = parseFloat(t.slice(0, i));
  if (Number.isNaN(value)) return null;
  const unit = t.slice(i);
  if (!/^[a-z%]*$/.test(unit)) return null;
  return { value, unit };
}

const FONT_KEYWORDS: Readonly<Record<string, number>> = {
  'xx-small': 9, 'x-small': 10, small: 13, medium: 16, large: 18, 'x-large': 24, 'xx-large': 32,
  'xxx-large': 48, smaller: 13, larger: 19,
};

/** Resolves a font-size value to CSS pixels given the parent's size; null when unreadable. */
export function resolveFontSize(value: string, parentPx: number): number | null {
  const keyword = FONT_KEYWORDS[value];
  if (keyword !== undefined) return value === 'smaller' || value === 'larger' ? (parentPx * keyword) / 16 : keyword;
  const length = parseLength(value);
  if (!length) return null;
  return lengthToPx(length, parentPx);
}

/** Converts a length to pixels; relative units are taken against `referencePx`. */
export function lengthToPx(length: Length, referencePx: number): number | null {
  switch (length.unit) {
    case '':
    case 'px':
      return length.value;
    case 'pt':
      return (length.value * 4) / 3;
    case 'pc':
      return length.value * 16;
    case 'in':
      return length.value * 96;
    case 'cm':
      return (length.value * 96) / 2.54;
    case 'mm':
      return (length.value * 96) / 25.4;
    case 'em':
      return length.value * referencePx;
    case 'rem':
      return length.value * 16;
    case '%':
      return (length.value * referencePx) / 100;
    case 'vw':
    case 'vh':
    case 'vmin':
    case 'vmax':
      return length.value * 8;
    default:
      return null;
  }
}

/** The font size in a `font` shorthand ("bold 0/0 a", "12px Arial"). */
export function fontShorthandSize(value: string): string | null {
  for (const token of value.split(/\s+/)) {
    const size = token.split('/')[0] as string;
    if (FONT_KEYWORDS[size] !== undefined) return size;
    const length = parseLength(size);
    if (length && (length.unit !== '' || length.value === 0)) return size;
  }
  return null;
}
