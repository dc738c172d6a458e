import { DigitChain, DOT_ONLY, LOOSE, NEWLINE, ODD, OPEN_PAREN } from './digit-chain.ts';
import { gluedAfter, gluedBefore, insideUrlOrEmail } from './edge-checks.ts';
import { hasDateTriple } from './has-date-triple.ts';
import { isFakeNumber } from './is-fake-number.ts';
import type { NumberFacts, NumberLookup } from './lookup-number.ts';
import { nanpShape } from './nanp-shape.ts';
import { ODD_CHAR, type NormalizedText } from './normalized-text.ts';
import { readLabel } from './read-label.ts';

/** A number read from a chain: [lead, end) in the normalised text. */
export interface ChainHit {
  kind: 'phone' | 'fake';
  lead: number;
  end: number;
  number?: NumberFacts;
  obfuscated: boolean;
}

export interface ChainReader {
  t: NormalizedText;
  /** The default region dials with country code 1 (US, CA, ...). */
  nanp: boolean;
  lookup: NumberLookup;
  /** International call prefix of the default region: "011" in North America, "00" elsewhere. */
  idd: string;
}

const MAX_DIGITS = 15;
const MIN_INTERNATIONAL_DIGITS = 8;

/** Digit counts a number can have: 8 to 15 after '+', 10 or 11 in North America, 6 to 13 elsewhere. */
function worthTrying(count: number, plus: boolean, nanp: boolean): boolean {
  if (plus) return count >= MIN_INTERNATIONAL_DIGITS && count <= MAX_DIGITS;
  if (nanp) return count === 10 || count === 11;
  return count >= 6 && count <= 13;
}

/** Where the written number ends: after a closing bracket that closes one opened inside it. */
function rawEnd(t: NormalizedText, lead: number, end: number): number {
  const c = t.codes[end];
  if (c !== 0x29 && c !== 0x5d && c !== 0x7d) return end;
  let open = 0;
  for (let i = lead; i < end; i += 1) {
    const d = t.codes[i];
    if (d === 0x28 || d === 0x5b || d === 0x7b) open += 1;
    else if (d === 0x29 || d === 0x5d || d === 0x7d) open -= 1;
  }
  return open > 0 ? end + 1 : end;
}

function digitsOf(t: NormalizedText, c: DigitChain, i: number, k: number): string {
  let s = '';
  for (let g = i; g <= k; g += 1) for (let p = c.start[g]!; p < c.end[g]!; p += 1) s += String.fromCharCode(t.codes[p]!);
  return s;
}

/**
 * Four or more short dot-joined groups: an IP address or a version, never a phone. Ten or eleven single
 * digits joined by dots are one number written a digit at a time ("8.0.4.7.1.3.4.5.9.8").
 */
function isDottedQuad(c: DigitChain): boolean {
  if (c.count < 4) return false;
  let singles = true;
  for (let g = 0; g < c.count; g += 1) {
    if (c.size(g) > 3) return false;
    if (c.size(g) > 1) singles = false;
    if (g < c.count - 1 && !(c.joint[g]! & DOT_ONLY)) return false;
  }
  return !(singles && (c.count === 10 || c.count === 11));
}

/** Length of the international call prefix when group i is one ("011 44 20 …") and more groups follow. */
function iddAt(t: NormalizedText, c: DigitChain, i: number, idd: string): number {
  if (i + 1 >= c.count || c.plus[i] === 1 || c.plus[i + 1] === 1 || c.size(i) !== idd.length) return 0;
  for (let p = 0; p < idd.length; p += 1) if (t.codes[c.start[i]! + p] !== idd.charCodeAt(p)) return 0;
  return idd.length;
}

/**
 * Groups i..k (digits `all`) read as a North American number, with an optional trunk "1". `strict` (the
 * default region is elsewhere) accepts only the unmistakable written forms: 3-3-4 after a trunk "1" or an
 * area code in brackets.
 */
function readNanp(
  c: DigitChain, i: number, k: number, all: string, lead: number, end: number, obfuscated: boolean, strict: boolean,
  reader: ChainReader,
): ChainHit | null {
  const { t } = reader;
  const n = c.count;
  let national = all;
  let from = i;
  const sizes: number[] = [];
  if (all.length === 11 && all.startsWith('1')) {
    national = all.slice(1);
    if (c.size(i) === 1) from = i + 1;
    else sizes.push(c.size(i) - 1);
  }
  if (national.length !== 10) return null;
  for (let g = sizes.length > 0 ? i + 1 : from; g <= k; g += 1) sizes.push(c.size(g));
  const broken: boolean[] = [];
  for (let j = from; j < k; j += 1) broken.push((c.joint[j]! & NEWLINE) !== 0);
  const shape = nanpShape(sizes, broken);
  if (shape === null || (strict && shape !== 'formatted')) return null;
  if (shape === 'spaced') obfuscated = true;
  const label = readLabel(t, lead);
  if (label === 'id') return null;
  // A loose split must be the whole chain and carry a phone label or other obfuscation.
  if (shape === 'loose' && ((label !== 'phone' && !obfuscated) || i > 0 || k < n - 1)) return null;
  if (insideUrlOrEmail(t, lead, end)) return null;
  if (isFakeNumber(national, true)) {
    // "1234567890" or "1 2 3 4 5 6 7 8 9 0" alone is a counting run, not a stand-in for a phone.
    return shape !== 'formatted' && label !== 'phone' ? null : { kind: 'fake', lead, end, obfuscated };
  }
  if (national < '2' || national[3]! < '2') return null; // area code and exchange start 2-9
  const facts = reader.lookup('+1' + national);
  if (facts === undefined || !facts.valid) return null;
  return { kind: 'phone', lead, end, number: facts, obfuscated };
}

/**
 * The window of groups i..k as a number, or null. `idd` is the length of an international call prefix
 * written as group i (0 for none). Cheap checks first: most windows fail early.
 */
function readWindow(c: DigitChain, i: number, k: number, idd: number, reader: ChainReader): ChainHit | null {
  const { t, nanp } = reader;
  const n = c.count;
  const plus = c.plus[i] === 1 || idd > 0;
  if (i > 0 && !(c.joint[i - 1]! & LOOSE) && !plus) return null;
  if (k < n - 1 && !(c.joint[k]! & LOOSE) && c.plus[k + 1] !== 1) return null;
  // A run of single digits is one number only when nothing else single-digit touches it.
  const singles = c.size(k) === 1 && (k === i || c.size(k - 1) === 1);
  if (singles && ((i > 0 && c.size(i - 1) === 1) || (k < n - 1 && c.size(k + 1) === 1))) return null;
  const lead = c.lead[i]!;
  const end = rawEnd(t, lead, c.end[k]!);
  const bare = i === k && !plus;
  if (gluedBefore(t, lead, bare) || gluedAfter(t, end, bare)) return null;
  if (k - i >= 2 && hasDateTriple(t, c, i, k)) return null;
  let obfuscated = false;
  for (let j = i; j < k && !obfuscated; j += 1) obfuscated = (c.joint[j]! & ODD) !== 0 || (j > i && (c.joint[j]! & OPEN_PAREN) !== 0);
  for (let p = lead; p < end && !obfuscated; p += 1) if (t.flags[p]! & ODD_CHAR) obfuscated = true;
  let all = digitsOf(t, c, i, k);

  if (plus) {
    if (idd > 0) all = all.slice(idd);
    else if (k > i && all[c.size(i)] === '0' && c.joint[i]! & OPEN_PAREN) {
      all = all.slice(0, c.size(i)) + all.slice(c.size(i) + 1); // trunk "(0)20", "(01)" after the country code
    }
    const isNanp = all.startsWith('1');
    if (isNanp ? all.length !== 11 : all.length < MIN_INTERNATIONAL_DIGITS) return null;
    if (insideUrlOrEmail(t, lead, end)) return null;
    const facts = reader.lookup('+' + all);
    const national = isNanp ? all.slice(1) : facts?.nationalNumber ?? all.slice(2);
    if (isFakeNumber(national, isNanp)) return { kind: 'fake', lead, end, obfuscated };
    if (facts === undefined || !facts.valid) return null;
    return { kind: 'phone', lead, end, number: facts, obfuscated };
  }

  if (nanp) return readNanp(c, i, k, all, lead, end, obfuscated, false, reader);
  // Elsewhere, a number written the North American way ("1-888-596-1028", "(888) 596-1028") is read as one:
  // callback scams use NANP numbers whatever the reader's country.
  const trunk = all.length === 11 && all.startsWith('1');
  if (trunk || (all.length === 10 && t.codes[lead] === 0x28)) {
    const hit = readNanp(c, i, k, all, lead, end, obfuscated, true, reader);
    if (hit !== null) return hit;
  }

  const label = readLabel(t, lead);
  if (label === 'id' || (i === k && label !== 'phone')) return null;
  if (insideUrlOrEmail(t, lead, end)) return null;
  const facts = reader.lookup(all);
  if (facts !== undefined && isFakeNumber(facts.nationalNumber, false)) return { kind: 'fake', lead, end, obfuscated };
  if (facts === undefined || !facts.valid) return null;
  return { kind: 'phone', lead, end, number: facts, obfuscated };
}

// Window ends to try; at most 8 per start (digit counts 8-15), sized with room to spare.
const candidates = new Int32Array(32);

/** Reads the phone numbers (and fake ones) in one chain, left to right, without overlaps. */
export function readChain(c: DigitChain, reader: ChainReader, hits: ChainHit[]): void {
  if (isDottedQuad(c)) return;
  const n = c.count;
  let i = 0;
  while (i < n) {
    // Windows starting at group i with a plausible digit count, tried longest first; '+' only starts one.
    const idd = iddAt(reader.t, c, i, reader.idd);
    const plus = c.plus[i] === 1 || idd > 0;
    let found = 0;
    let count = -idd;
    for (let k = i; k < n; k += 1) {
      if (k > i && c.plus[k] === 1) break;
      count += c.size(k);
      if (count > MAX_DIGITS) break;
      if (worthTrying(count, plus, reader.nanp)) candidates[found++] = k;
    }
    let hit: ChainHit | null = null;
    let k = i;
    while (found > 0 && hit === null) {
      k = candidates[--found]!;
      hit = readWindow(c, i, k, idd, reader);
    }
    // Not an international number after all: read the window as written.
    if (hit === null && idd > 0) {
      found = 0;
      count = 0;
      for (let g = i; g < n && count <= MAX_DIGITS; g += 1) {
        count += c.size(g);
        if (g > i && c.plus[g] === 1) break;
        if (count <= MAX_DIGITS && worthTrying(count, false, reader.nanp)) candidates[found++] = g;
      }
      while (found > 0 && hit === null) {
        k = candidates[--found]!;
        hit = readWindow(c, i, k, 0, reader);
      }
    }
    if (hit !== null) {
      hits.push(hit);
      i = k + 1;
    } else {
      i += 1;
    }
  }
}
