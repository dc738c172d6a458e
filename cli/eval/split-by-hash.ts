import { createHash } from 'node:crypto';
import { basename } from 'node:path';

export type Split = 'tune' | 'validate';

/** Share of files that land in `tune`; the rest are `validate`, kept unseen while rules are written. */
const TUNE_PERCENT = 70;

/**
 * Stable split of a labelled set by a hash of the file's base name: the same file always lands in the same
 * split, whatever folder it sits in and whatever else the set holds.
 */
export function splitOf(file: string): Split {
  const digest = createHash('sha256').update(basename(file)).digest();
  return digest.readUInt32BE(0) % 100 < TUNE_PERCENT ? 'tune' : 'validate';
}
