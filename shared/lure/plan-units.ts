import type { PhoneFinding, TextPart } from '../types.ts';
import { foldText, type FoldedText } from './fold-text.ts';

/** Characters read from the start of each part; longer parts are judged on their head plus each number's surroundings. */
export const HEAD_CHARS = 262_144;
/** Characters read on each side of a number that lies past the head. */
export const PHONE_WINDOW = 1_000;
/** At most this many windows around far-away numbers per part. */
const MAX_WINDOWS = 200;

/** A slice of one part, folded for matching. `folded.origin` holds offsets into `source` (the whole part text). */
export interface ScanUnit {
  part: string;
  source: string;
  folded: FoldedText;
}

/** Splits parts into the slices the detectors read, so that work stays bounded on a 20 MB part. */
export function planUnits(parts: readonly TextPart[], phones: readonly PhoneFinding[]): ScanUnit[] {
  const units: ScanUnit[] = [];
  for (const part of parts) {
    const text = part.text;
    if (!text) continue;
    const ranges: [number, number][] = [[0, Math.min(text.length, HEAD_CHARS)]];
    if (text.length > HEAD_CHARS) {
      const far = phones
        .filter((p) => p.part === part.id && p.end > HEAD_CHARS - PHONE_WINDOW)
        .map((p) => p.start)
        .sort((a, b) => a - b)
        .slice(0, MAX_WINDOWS);
      for (const at of far) {
        const start = Math.max(0, at - PHONE_WINDOW);
        const end = Math.min(text.length, at + PHONE_WINDOW);
        const last = ranges[ranges.length - 1]!;
        if (start <= last[1]) last[1] = Math.max(last[1], end);
        else ranges.push([start, end]);
      }
    }
    for (const [start, end] of ranges) {
      units.push({ part: part.id, source: text, folded: foldText(text.slice(start, end), start) });
    }
  }
  return units;
}
