import { isIndistinguishable, parseColor, type Rgba } from './css-color.ts';
import { BLOCK_ELEMENTS, CELL_ELEMENTS, PREFORMATTED, SCOPE_BOUNDARIES } from './html-elements.ts';
import { fontShorthandSize, lengthToPx, parseInlineStyle, parseLength, resolveFontSize } from './inline-style.ts';

/** Indices in the open-element stack of the elements a start tag may implicitly close (-1 = none in scope). */
export interface Scope {
  p: number;
  li: number;
  dd: number;
  cell: number;
  row: number;
  option: number;
  a: number;
}

/** One open element with the style state it passes to its content. */
export interface Frame {
  name: string;
  layout: 'block' | 'cell' | 'inline';
  pre: boolean;
  /** Hidden in a way no descendant can undo (display:none, opacity:0, zero box, mso-hide ...). */
  concealed: boolean;
  /** visibility:hidden, which a descendant may undo with visibility:visible. */
  invisible: boolean;
  /** Not laid out at all (display:none, hidden attribute): breaks no line. */
  boxless: boolean;
  fontPx: number;
  color: Rgba | null;
  /** Nearest background colour set on this element or an ancestor; "image" when a picture may be behind. */
  background: Rgba | 'image' | null;
  hidden: boolean;
  scope: Scope;
}

export const rootFrame: Frame = {
  name: '#root',
  layout: 'block',
  pre: false,
  concealed: false,
  invisible: false,
  boxless: false,
  fontPx: 16,
  color: null,
  background: null,
  hidden: false,
  scope: { p: -1, li: -1, dd: -1, cell: -1, row: -1, option: -1, a: -1 },
};

// Below this size text cannot be read (font-size:0 / 1px tricks).
const MIN_READABLE_PX = 2;
// Pushed this far off-screen, text is not on the page.
const OFFSCREEN_PX = -999;

export function isHidden(frame: Frame): boolean {
  return frame.hidden;
}

function isZero(value: string | undefined): boolean {
  if (value === undefined) return false;
  const length = parseLength(value);
  return length !== null && length.value === 0;
}

function isFarNegative(value: string | undefined, fontPx: number): boolean {
  if (value === undefined) return false;
  const length = parseLength(value);
  if (!length) return false;
  const px = lengthToPx(length, fontPx);
  return px !== null && px <= OFFSCREEN_PX;
}

function backgroundOf(value: string): Rgba | 'image' | null {
  if (value.includes('url(') || value.includes('gradient(')) return 'image';
  let found: Rgba | null = null;
  for (const token of value.split(/\s+/)) {
    const color = parseColor(token);
    if (color) found = color;
  }
  return found;
}

// Elements that open or bound a scope; any other element passes its parent's scope on unchanged.
const SCOPE_ELEMENTS: ReadonlySet<string> = new Set([
  ...SCOPE_BOUNDARIES, 'p', 'li', 'ul', 'ol', 'dd', 'dt', 'dl', 'td', 'th', 'tr', 'table', 'option', 'select', 'datalist', 'a',
]);

function scopeFor(name: string, index: number, parent: Scope): Scope {
  if (!SCOPE_ELEMENTS.has(name)) return parent;
  const bounded = SCOPE_BOUNDARIES.has(name);
  const list = bounded || name === 'ul' || name === 'ol';
  const table = name === 'table' || name === 'html' || name === 'template';
  return {
    p: name === 'p' ? index : bounded ? -1 : parent.p,
    li: name === 'li' ? index : list ? -1 : parent.li,
    dd: name === 'dd' || name === 'dt' ? index : bounded || name === 'dl' ? -1 : parent.dd,
    cell: CELL_ELEMENTS.has(name) ? index : table ? -1 : parent.cell,
    row: name === 'tr' ? index : table ? -1 : parent.row,
    option: name === 'option' ? index : name === 'select' || name === 'datalist' ? -1 : parent.option,
    a: name === 'a' ? index : bounded ? -1 : parent.a,
  };
}

/** What an inline style attribute says about visibility and layout; computed once per distinct style text. */
interface StyleEffect {
  display?: string;
  whiteSpace?: string;
  visibility?: string;
  boxless: boolean;
  concealed: boolean;
  /** Off-screen positioning and text-indent, which depend on the font size for em units. */
  offscreen: string[];
  fontSize?: string;
  color?: Rgba;
  background?: Rgba | 'image';
}

const styleCache = new Map<string, StyleEffect>();
const STYLE_CACHE_LIMIT = 4096;

function styleEffect(styleText: string): StyleEffect {
  const cached = styleCache.get(styleText);
  if (cached) return cached;
  const style = parseInlineStyle(styleText);
  const effect: StyleEffect = { boxless: false, concealed: false, offscreen: [] };
  const display = style.get('display');
  if (display !== undefined) {
    effect.display = display;
    if (display === 'none') effect.boxless = effect.concealed = true;
  }
  effect.whiteSpace = style.get('white-space');
  effect.visibility = style.get('visibility');
  const opacity = style.get('opacity');
  if (opacity !== undefined) {
    const value = opacity.endsWith('%') ? parseFloat(opacity) / 100 : parseFloat(opacity);
    if (!Number.isNaN(value) && value < 0.05) effect.concealed = true;
  }
  if (style.get('mso-hide') === 'all') effect.concealed = true;
  const overflowHidden = ['overflow', 'overflow-x', 'overflow-y'].some((p) => {
    const v = style.get(p);
    return v === 'hidden' || v === 'clip';
  });
  if (isZero(style.get('max-height'))) effect.concealed = true;
  if (overflowHidden && ['height', 'width', 'max-width'].some((p) => isZero(style.get(p)))) effect.concealed = true;
  const clip = style.get('clip');
  if (clip !== undefined && clip.replace(/[\s,px]/g, '') === 'rect(0000)') effect.concealed = true;
  const position = style.get('position');
  if (position === 'absolute' || position === 'fixed') {
    for (const side of ['left', 'top']) {
      const v = style.get(side);
      if (v !== undefined) effect.offscreen.push(v);
    }
  }
  const indent = style.get('text-indent');
  if (indent !== undefined) effect.offscreen.push(indent);
  effect.fontSize = style.get('font-size') ?? fontShorthandSizeOf(style.get('font'));
  const color = style.get('color');
  if (color !== undefined) effect.color = parseColor(color) ?? undefined;
  const background = style.get('background-color') ?? style.get('background');
  if (background !== undefined) effect.background = backgroundOf(background) ?? undefined;
  const backgroundImage = style.get('background-image');
  if (backgroundImage !== undefined && backgroundImage !== 'none') effect.background = 'image';
  if (styleCache.size >= STYLE_CACHE_LIMIT) styleCache.clear();
  styleCache.set(styleText, effect);
  return effect;
}

/** Computes the frame of an element from its tag, attributes and parent frame. */
export function frameFor(
  name: string,
  attributes: ReadonlyMap<string, string>,
  parent: Frame,
  index: number,
  inHead: boolean,
  /** Declarations from <style> rules that match the element; the style attribute overrides them. */
  sheetStyle: string,
): Frame {
  let layout: Frame['layout'] = BLOCK_ELEMENTS.has(name) ? 'block' : CELL_ELEMENTS.has(name) ? 'cell' : 'inline';
  let pre = parent.pre || PREFORMATTED.has(name);
  let boxless = parent.boxless || inHead || attributes.has('hidden');
  let concealed = parent.concealed || boxless;
  let invisible = parent.invisible;
  let fontPx = parent.fontPx;
  let color = parent.color;
  let background = parent.background;

  const fontColor = name === 'font' ? attributes.get('color') : undefined;
  if (fontColor !== undefined) color = parseColor(fontColor.toLowerCase()) ?? color;
  const bgcolor = attributes.get('bgcolor');
  if (bgcolor !== undefined) background = parseColor(bgcolor.toLowerCase()) ?? background;
  if (attributes.has('background')) background = 'image';

  const inline = attributes.get('style');
  const styleText = sheetStyle === '' ? inline : inline === undefined ? sheetStyle : `${sheetStyle};${inline}`;
  if (styleText !== undefined && styleText !== '') {
    const effect = styleEffect(styleText);
    const display = effect.display;
    if (display !== undefined && display !== 'none' && display !== '') {
      if (display === 'table-cell') layout = 'cell';
      else if (display.startsWith('inline') || display === 'contents') layout = 'inline';
      else layout = 'block';
    }
    if (effect.whiteSpace !== undefined) pre = effect.whiteSpace.startsWith('pre') || effect.whiteSpace === 'break-spaces';
    if (effect.visibility === 'hidden' || effect.visibility === 'collapse') invisible = true;
    else if (effect.visibility === 'visible') invisible = false;
    if (effect.boxless) boxless = true;
    if (effect.concealed) concealed = true;
    if (effect.fontSize !== undefined) fontPx = resolveFontSize(effect.fontSize, parent.fontPx) ?? fontPx;
    for (const offset of effect.offscreen) if (isFarNegative(offset, fontPx)) concealed = true;
    if (effect.color !== undefined) color = effect.color;
    if (effect.background !== undefined) background = effect.background;
  }

  const colorHidden =
    color !== null && (color.a < 0.05 || (background !== null && background !== 'image' && isIndistinguishable(color, background)));
  return {
    name,
    layout,
    pre,
    concealed,
    invisible,
    boxless,
    fontPx,
    color,
    background,
    hidden: concealed || invisible || fontPx < MIN_READABLE_PX || colorHidden,
    scope: scopeFor(name, index, parent.scope),
  };
}

function fontShorthandSizeOf(font: string | undefined): string | undefined {
  if (font === undefined) return undefined;
  return fontShorthandSize(font) ?? undefined;
}
