import { LEVELS, type Level } from '../types.ts';

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function maxLevel(...levels: Level[]): Level {
  let best: Level = 'none';
  for (const level of levels) if (levelRank(level) > levelRank(best)) best = level;
  return best;
}

export function atLeast(level: Level, floor: Level): boolean {
  return levelRank(level) >= levelRank(floor);
}
