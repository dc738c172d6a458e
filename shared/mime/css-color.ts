export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

// Named colours that matter for hidden text: the whites and near-whites, black, and a few common ones.
const NAMED: Readonly<Record<string, string>> = {
  white: 'ffffff', snow: 'fffafa', ivory: 'fffff0', ghostwhite: 'f8f8ff', whitesmoke: 'f5f5f5',
  floralwhite: 'fffaf0', mintcream: 'f5fffa', azure: 'f0ffff', seashell: 'fff5ee', linen: 'faf0e6',
  aliceblue: 'f0f8ff', honeydew: 'f0fff0', lavenderblush: 'fff0f5', oldlace: 'fdf5e6', beige: 'f5f5dc',
  black: '000000', red: 'ff0000', green: '008000', blue: '0000ff', yellow: 'ffff00', gray: '808080',
  grey: '808080', silver: 'c0c0c0', navy: '000080', maroon: '800000', purple: '800080', orange: 'ffa500',
  lightgray: 'd3d3d3', lightgrey: 'd3d3d3', gainsboro: 'dcdcdc',
};

function fromHex(hex: string): Rgba | null {
  if (!/^[0-9a-f]+$/.test(hex)) return null;
  if (hex.length === 3 || hex.length === 4) {
    const d = (i: number) => parseInt((hex[i] as string) + (hex[i] as string), 16);
    return { r: d(0), g: d(1), b: d(2), a: hex.length === 4 ? d(3) / 255 : 1 };
  }
  if (hex.length === 6 || hex.length === 8) {
    const d = (i: number) => parseInt(hex.slice(i, i + 2), 16);
    return { r: d(0), g: d(2), b: d(4), a: hex.length === 8 ? d(6) / 255 : 1 };
  }
  return null;
}

function channel(part: string): number {
  const p = part.trim();
  const n = parseFloat(p);
  if (Number.isNaN(n)) return NaN;
  return p.endsWith('%') ? (n * 255) / 100 : n;
}

/** Parses a CSS or HTML-attribute colour (lower-case input). Returns null for anything it cannot read. */
export function parseColor(value: string): Rgba | null {
  const v = value.trim();
  if (v === '' || v.length > 64) return null;
  if (v === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const named = NAMED[v];
  if (named) return fromHex(named);
  if (v.startsWith('#')) return fromHex(v.slice(1));
  if (v.startsWith('rgb')) {
    const open = v.indexOf('(');
    const close = v.indexOf(')', open);
    if (open < 0 || close < 0) return null;
    const parts = v.slice(open + 1, close).split(/[\s,/]+/).filter(Boolean);
    if (parts.length < 3) return null;
    const [r, g, b] = parts.map(channel);
    const alphaText = parts[3];
    const a = alphaText === undefined ? 1 : alphaText.endsWith('%') ? parseFloat(alphaText) / 100 : parseFloat(alphaText);
    if ([r, g, b, a].some((x) => x === undefined || Number.isNaN(x))) return null;
    return { r: r as number, g: g as number, b: b as number, a };
  }
  // Legacy attribute colours are often written without "#" (bgcolor="ffffff").
  if (v.length === 6 || v.length === 3) return fromHex(v);
  return null;
}

/** True when text in `fg` cannot be told apart from background `bg`. */
export function isIndistinguishable(fg: Rgba, bg: Rgba): boolean {
  if (bg.a < 1) return false;
  const d = Math.max(Math.abs(fg.r - bg.r), Math.abs(fg.g - bg.g), Math.abs(fg.b - bg.b));
  return d <= 12;
}
