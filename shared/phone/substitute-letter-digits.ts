import { isLetter } from './is-letter.ts';
import { ODD_CHAR, type NormalizedText } from './normalized-text.ts';

const PIPE = 0x7c;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** O o → 0, I l | → 1; anything else is not a stand-in digit. */
function standInDigit(c: number): number {
  if (c === 0x4f || c === 0x6f) return 0x30;
  if (c === 0x49 || c === 0x6c || c === PIPE) return 0x31;
  return 0;
}

/** S → 5, B → 8: what OCR (and some lures) put for those digits. Upper case only ("1990s" stays a decade). */
function ocrStandIn(c: number): number {
  if (c === 0x53) return 0x35;
  if (c === 0x42) return 0x38;
  return 0;
}

/**
 * S and B are read as digits only inside a word ("7S3", "4B98"), or at its edge when the word is mostly digits
 * ("459B"): "B2B", "S3", "12B" stay words.
 */
function ocrStandInsFit(t: NormalizedText, start: number, end: number, digits: number): boolean {
  if (end - start >= 4 && digits >= 3) return true;
  for (let j = start; j < end; j += 1) {
    if (ocrStandIn(t.codes[j]!) !== 0 && (j === start || j === end - 1)) return false;
  }
  return true;
}

/** A '|' counts as part of a word only between digits or stand-ins ("8|8" but not "1234 | Fax"). */
function pipeInWord(t: NormalizedText, i: number): boolean {
  if (i === 0 || i + 1 >= t.length) return false;
  const before = t.codes[i - 1]!;
  const after = t.codes[i + 1]!;
  return (isDigit(before) || standInDigit(before) !== 0) && (isDigit(after) || standInDigit(after) !== 0);
}

/**
 * Inside a word made only of digits and the letters O/o/I/l (and '|'), the letters are digits in disguise:
 * "8OO-5l5-1234"; S and B too where they fit (ocrStandInsFit), as OCR reads 5 and 8. Words with any other
 * letter ("Order 12", "Iowa1") are left alone. In place, linear.
 */
export function substituteLetterDigits(t: NormalizedText): void {
  const { codes, flags, length } = t;
  let i = 0;
  while (i < length) {
    const c = codes[i]!;
    const wordChar = isDigit(c) || isLetter(c) || (c === PIPE && pipeInWord(t, i));
    if (!wordChar) {
      i += 1;
      continue;
    }
    const start = i;
    let digits = 0;
    let standIns = 0;
    let others = 0;
    let ocrStandIns = 0;
    while (i < length) {
      const d = codes[i]!;
      if (isDigit(d)) digits += 1;
      else if (d === PIPE) {
        if (!pipeInWord(t, i)) break;
        standIns += 1;
      } else if (isLetter(d)) {
        if (standInDigit(d) !== 0) standIns += 1;
        else if (ocrStandIn(d) !== 0) ocrStandIns += 1;
        else others += 1;
      } else break;
      i += 1;
    }
    const ocrFit = ocrStandIns === 0 || (digits >= 2 && ocrStandInsFit(t, start, i, digits));
    if (digits > 0 && standIns + ocrStandIns > 0 && others === 0 && ocrFit) {
      for (let j = start; j < i; j += 1) {
        const digit = standInDigit(codes[j]!) || ocrStandIn(codes[j]!);
        if (digit !== 0) {
          codes[j] = digit;
          flags[j] = flags[j]! | ODD_CHAR;
        }
      }
    }
  }
}
