import type { LureFeatures } from './types.ts';

/**
 * A rough 0–100 strength of the lure with one line per feature, to explain what was found. The verdict does
 * its own weighing (shared/verdict); this only summarises.
 */
export function scoreLure(features: LureFeatures): { score: number; summary: string[] } {
  const summary: string[] = [];
  let score = 0;
  const brands = [...new Set(features.brands.map((b) => b.brand))];
  if (brands.length > 0) {
    score += 25;
    summary.push(`names ${brands.join(', ')}`);
  }
  const tied = features.callToAction.filter((c) => c.phoneE164 !== undefined);
  const requests = tied.filter((c) => c.kind === 'request');
  if (requests.length > 0) {
    score += 30;
    summary.push(`asks you to call ${[...new Set(requests.map((c) => c.phoneE164))].join(', ')}`);
  } else if (tied.length > 0) {
    score += 15;
    summary.push(`gives ${[...new Set(tied.map((c) => c.phoneE164))].join(', ')} as a number to call`);
  } else if (features.callToAction.length > 0) {
    score += 10;
    summary.push('asks you to phone, but no number was found in the text');
  }
  const contexts = [...new Set(features.contexts.map((c) => c.kind))];
  if (contexts.length > 0) {
    score += Math.min(20, contexts.length * 5);
    summary.push(`talks about ${contexts.join(', ')}`);
  }
  const triggers = [...new Set(features.triggers.map((t) => t.kind))];
  if (triggers.length > 0) {
    score += Math.min(15, triggers.length * 5);
    summary.push(`pushes with ${triggers.join(', ')}`);
  }
  if (features.amounts.length > 0) {
    score += 10;
    const shown = features.amounts.slice(0, 3).map((a) => `${a.value.toFixed(2)} ${a.currency}`);
    summary.push(`mentions ${shown.join(', ')}`);
  }
  return { score: Math.min(100, score), summary };
}
