/** Invisible characters scammers sprinkle inside words to break keyword filters. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Counts invisible characters that sit inside a word or number ("H\u200Cel\u200Clo", "8\u200E77"). Marketing
 * mail pads its preheader with &zwnj; between spaces; only characters between two letters or digits count.
 * Linear in the text; stops counting at `limit`.
 */
export function countSplitWords(text: string, limit = 1_000): number {
  if (!INVISIBLE.test(text)) return 0; // most mail has none: one native scan instead of a test per character
  let count = 0;
  let previousWordChar = false;
  let pendingInvisible = 0;
  for (const char of text) {
    if (INVISIBLE.test(char)) {
      if (previousWordChar) pendingInvisible++;
      continue;
    }
    const isWord = WORD_CHAR.test(char);
    if (isWord && pendingInvisible > 0) {
      count += pendingInvisible;
      if (count >= limit) return count;
    }
    pendingInvisible = 0;
    previousWordChar = isWord;
  }
  return count;
}
