import type { Level, Reason } from '../types.ts';

/** A reason together with the level it raises the verdict to. */
export interface LeveledReason extends Reason {
  level: Level;
}
