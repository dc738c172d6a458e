import type { FeatureHit } from './types.ts';
import type { CompiledKind } from './lexicons.ts';
import type { ScanUnit } from './plan-units.ts';
import { snippet } from './make-evidence.ts';

/** Snippet length for context and trigger evidence: enough to read the phrase in its sentence. */
const FEATURE_EVIDENCE = 90;

/** The first occurrence of each kind in each part. */
export function findFeatures(units: readonly ScanUnit[], kinds: readonly CompiledKind[]): FeatureHit[] {
  const hits: FeatureHit[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    for (const { kind, pattern } of kinds) {
      const key = `${kind}\u0000${unit.part}`;
      if (seen.has(key)) continue;
      pattern.lastIndex = 0;
      const match = pattern.exec(unit.folded.text);
      if (!match) continue;
      seen.add(key);
      const start = unit.folded.origin[match.index]!;
      const end = unit.folded.origin[match.index + match[0].length]!;
      hits.push({ kind, evidence: snippet(unit.source, start, end, FEATURE_EVIDENCE), part: unit.part });
    }
  }
  return hits;
}
