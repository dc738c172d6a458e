import homoglyphData from '../data/lure-homoglyphs.json' with { type: 'json' };

/**
 * Text folded for matching: lower-case ASCII where a look-alike exists, no accents, no zero-width or other
 * invisible characters, white space as ' ' and line breaks as '\n'. `origin[i]` is the index in the source
 * text of folded character i (plus one final entry for the end), so a match maps back to what the reader sees.
 */
export interface FoldedText {
  text: string;
  origin: Int32Array;
}

/** Source character → its fold, from the generated table (UTS #39 confusables plus hand-picked folds). */
const HOMOGLYPHS: Readonly<Record<string, string>> = invert(homoglyphData.fold);
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cc}]$/u;
const MARKS = /\p{M}/gu;
const SPACE = /^\s$/u;
const cache = new Map<number, string>();

function invert(byFold: Record<string, string>): Record<string, string> {
  const map: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [folded, sources] of Object.entries(byFold)) for (const source of sources) map[source] = folded;
  return map;
}

/** Folds one code point; cached because mail uses few distinct non-ASCII characters. */
function foldCodePoint(cp: number): string {
  const known = cache.get(cp);
  if (known !== undefined) return known;
  const ch = String.fromCodePoint(cp);
  let out: string;
  if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029' || ch === '\v' || ch === '\f') out = '\n';
  else if (SPACE.test(ch)) out = ' ';
  else if (INVISIBLE.test(ch)) out = '';
  else {
    const direct = HOMOGLYPHS[ch];
    const decomposed = direct ?? ch.normalize('NFKD').replace(MARKS, '');
    out = '';
    for (const c of decomposed) out += HOMOGLYPHS[c] ?? c;
    out = out.toLowerCase();
    if (out.length > 8) out = out.slice(0, 8);
  }
  if (cache.size < 4096) cache.set(cp, out);
  return out;
}

/** Folds `text` (linear time). `base` is added to every origin offset, for folding a slice of a part. */
export function foldText(text: string, base = 0): FoldedText {
  const cached = recent.find((r) => r.base === base && r.text === text);
  if (cached) return cached.folded;
  const folded = foldUncached(text, base);
  recent.unshift({ text, base, folded });
  if (recent.length > RECENT) recent.pop();
  return folded;
}

// Each detector folds the same part text again (lure units, platform names, giveaways): the last few
// results are kept. `text === text` is a pointer check for the same string, so a hit costs little.
const RECENT = 4;
const recent: { text: string; base: number; folded: FoldedText }[] = [];

// Printable ASCII and the five ASCII white-space controls fold one to one: lower case, \r to \n, tabs to spaces.
const ONE_TO_ONE = /^[\t\n\v\f\r\x20-\x7e]*$/;

function foldUncached(text: string, base: number): FoldedText {
  const n = text.length;
  if (ONE_TO_ONE.test(text)) {
    const origin = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) origin[i] = base + i;
    return { text: text.toLowerCase().replace(/[\t\v\f]/g, ' ').replace(/\r/g, '\n'), origin };
  }
  let units = new Uint16Array(n + 16);
  let origin = new Int32Array(n + 17);
  let length = 0;
  for (let i = 0; i < n; ) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      let out: number;
      if (code >= 0x41 && code <= 0x5a) out = code + 32;
      else if (code >= 0x20) {
        if (code === 0x7f) {
          i += 1;
          continue;
        }
        out = code;
      } else if (code === 0x0a || code === 0x0d) out = 0x0a;
      else if (code === 0x09 || code === 0x0b || code === 0x0c) out = 0x20;
      else {
        i += 1;
        continue;
      }
      if (length === units.length) [units, origin] = grow(units, origin);
      units[length] = out;
      origin[length] = base + i;
      length++;
      i += 1;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const folded = foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) {
      if (length === units.length) [units, origin] = grow(units, origin);
      units[length] = folded.charCodeAt(k);
      origin[length] = base + i;
      length++;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  origin[length] = base + n;
  let out = '';
  for (let at = 0; at < length; at += 8192) out += String.fromCharCode.apply(null, units.subarray(at, Math.min(length, at + 8192)) as unknown as number[]);
  return { text: out, origin: origin.slice(0, length + 1) };
}

/** Twice the room, when folds (a ligature into two letters) outgrow the source length. */
function grow(units: Uint16Array<ArrayBuffer>, origin: Int32Array<ArrayBuffer>): [Uint16Array<ArrayBuffer>, Int32Array<ArrayBuffer>] {
  const grownUnits = new Uint16Array(units.length * 2);
  grownUnits.set(units);
  const grownOrigin = new Int32Array(grownUnits.length + 1);
  grownOrigin.set(origin);
  return [grownUnits, grownOrigin];
}

/** Index of the first folded character whose origin is at or after `sourceIndex` (binary search). */
export function foldedIndexAt(folded: FoldedText, sourceIndex: number): number {
  let lo = 0;
  let hi = folded.origin.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (folded.origin[mid]! < sourceIndex) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
