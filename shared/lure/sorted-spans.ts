/** A half-open range of folded text. */
export interface Span {
  start: number;
  end: number;
}

/** Index of the first span (sorted by start) whose start is at or after `position`. */
export function firstStartingAt(spans: readonly Span[], position: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.start < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether any span (sorted by start) lies entirely inside [from, to). */
export function anyInside(spans: readonly Span[], from: number, to: number): boolean {
  const i = firstStartingAt(spans, from);
  const span = spans[i];
  return span !== undefined && span.end <= to;
}

/** Whether any span (sorted by start) overlaps [from, to). Spans must not nest deeply: checks the neighbours only. */
export function anyOverlapping(spans: readonly Span[], from: number, to: number): boolean {
  const i = firstStartingAt(spans, from);
  if (spans[i] !== undefined && spans[i]!.start < to) return true;
  const before = spans[i - 1];
  return before !== undefined && before.end > from;
}
