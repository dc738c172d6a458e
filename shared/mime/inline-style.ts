/** Parses a `style` attribute into lower-case property → value (last one wins, `!important` dropped). */
export function parseInlineStyle(style: string): Map<string, string> {
  const declarations = new Map<string, string>();
  if (style.length > 8192) style = style.slice(0, 8192);
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    let value = declaration.slice(colon + 1).trim().toLowerCase();
    const important = value.indexOf('!');
    if (important >= 0) value = value.slice(0, important).trim();
    if (property) declarations.set(property, value);
  }
  return declarations;
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
