import { BULLET } from './char-classes.ts';
import { DigitChain, DOT_ONLY, LOOSE, NEWLINE, ODD, OPEN_PAREN } from './digit-chain.ts';
import { ODD_CHAR, type NormalizedText } from './normalized-text.ts';

const MAX_GAP = 8;
const MAX_GAP_SEPARATORS = 2;
const PLUS = 0x2b;
const OPEN = 0x28;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

let jointFlags = 0;
let jointPlus = false;

/**
 * Reads the gap starting at `p` (after a group). When a digit follows a gap that may sit inside one number,
 * returns where that digit is and leaves the gap's flags in jointFlags / jointPlus; otherwise returns -1.
 */
function readJoint(t: NormalizedText, p: number): number {
  const { codes, flags: charFlags } = t;
  let q = p;
  let newlines = 0;
  let separators = 0;
  let spaces = 0;
  let plusAt = -1;
  let flags = 0;
  let dotOnly = true;
  for (; q < t.length && q - p <= MAX_GAP; q += 1) {
    const c = codes[q]!;
    if (isDigit(c)) break;
    if (charFlags[q]! & ODD_CHAR) flags |= ODD;
    if (plusAt >= 0 && c !== 0x20 && c !== OPEN) return -1; // after '+' only a space or '(' may come
    switch (c) {
      case 0x20:
        spaces += 1;
        break;
      case 0x0a:
        newlines += 1;
        break;
      case 0x2e:
        separators += 1;
        break;
      case 0x2d:
        separators += 1;
        dotOnly = false;
        break;
      case 0x2f: case 0x5f: case 0x7e: case BULLET:
        separators += 1;
        dotOnly = false;
        flags |= ODD;
        break;
      case OPEN:
        flags |= OPEN_PAREN;
        dotOnly = false;
        break;
      case 0x29:
        dotOnly = false;
        break;
      case 0x5b: case 0x5d: case 0x7b: case 0x7d:
        flags |= ODD;
        dotOnly = false;
        break;
      case PLUS:
        if (plusAt >= 0) return -1;
        plusAt = q;
        break;
      default:
        return -1;
    }
  }
  if (q >= t.length || q === p || !isDigit(codes[q]!)) return -1;
  if (newlines > 1 || separators > MAX_GAP_SEPARATORS) return -1;
  if (spaces + newlines > 0) flags |= LOOSE;
  if (newlines > 0) flags |= NEWLINE;
  if (dotOnly && separators > 0 && spaces + newlines === 0) flags |= DOT_ONLY;
  jointFlags = flags;
  jointPlus = plusAt >= 0;
  return q;
}

let leadPlus = false;

/** Where a group's written form starts ("+1", "+ 44", "(+44)", "(804"), not before `floor`; sets leadPlus. */
function leadOf(t: NormalizedText, start: number, floor: number): number {
  let lead = start;
  leadPlus = false;
  for (let j = start - 1, steps = 0; j >= floor && steps < 3; j -= 1, steps += 1) {
    const c = t.codes[j]!;
    if (c === PLUS) {
      leadPlus = true;
      return j > floor && t.codes[j - 1] === OPEN ? j - 1 : j;
    }
    if (c === OPEN || c === 0x5b || c === 0x7b) {
      lead = j;
      continue;
    }
    if (c === 0x20 && steps === 0 && j > floor && t.codes[j - 1] === PLUS) continue;
    break;
  }
  return lead;
}

/**
 * Linear pre-scan: calls `onChain` for every chain of digit groups joined by short separator gaps, the only
 * places a phone number can be. The chain object is reused: read it inside the callback.
 */
export function scanDigitChains(t: NormalizedText, onChain: (chain: DigitChain) => void): void {
  const chain = new DigitChain();
  const { codes, length } = t;
  let i = 0;
  while (i < length) {
    if (!isDigit(codes[i]!)) {
      i += 1;
      continue;
    }
    chain.reset();
    let start = i;
    let lead = leadOf(t, start, 0);
    let plus = leadPlus;
    for (;;) {
      let end = start;
      while (end < length && isDigit(codes[end]!)) end += 1;
      chain.add(start, end, lead, plus);
      const next = readJoint(t, end);
      if (next < 0) {
        i = end;
        break;
      }
      chain.joint[chain.count - 1] = jointFlags;
      plus = jointPlus;
      lead = leadOf(t, next, end);
      start = next;
    }
    onChain(chain);
  }
}
