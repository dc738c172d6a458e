/**
 * How a 10-digit North American number is grouped, after any trunk "1":
 * - bare: one run "8047134598"
 * - formatted: 3-3-4 or 3-7 (any separators, brackets)
 * - spaced: one digit per group "8 0 4 7 1 3 4 5 9 8"
 * - loose: any other split of at most 6 groups (HTML spans, "804 71 3 4598"), trusted only with a phone
 *   label or other signs of obfuscation.
 */
export type NanpShape = 'bare' | 'formatted' | 'spaced' | 'loose';

function shapeOfSizes(sizes: readonly number[]): NanpShape | null {
  if (sizes.length === 1) return sizes[0] === 10 ? 'bare' : null;
  if (sizes.length === 3 && sizes[0] === 3 && sizes[1] === 3 && sizes[2] === 4) return 'formatted';
  if (sizes.length === 2 && sizes[0] === 3 && sizes[1] === 7) return 'formatted';
  if (sizes.length === 10 && sizes.every((s) => s === 1)) return 'spaced';
  return sizes.length <= 6 ? 'loose' : null;
}

/**
 * `sizes` are the digit counts of the groups (summing to 10); `broken[j]` says a line break separates
 * group j and j+1 (a hard wrap or an RFC 5545 fold), in which case the two may be halves of one group.
 */
export function nanpShape(sizes: readonly number[], broken: readonly boolean[]): NanpShape | null {
  const shape = shapeOfSizes(sizes);
  if (shape !== 'loose' || !broken.includes(true)) return shape;
  const merged: number[] = [sizes[0]!];
  for (let j = 1; j < sizes.length; j += 1) {
    if (broken[j - 1]) merged[merged.length - 1] = merged[merged.length - 1]! + sizes[j]!;
    else merged.push(sizes[j]!);
  }
  return shapeOfSizes(merged) === 'formatted' ? 'formatted' : shape;
}
