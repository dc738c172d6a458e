import type { PhoneFinding, TextPart } from '../types.ts';
import type { LureFeatures, LureOptions } from './types.ts';
import { planUnits } from './plan-units.ts';
import { findBrands } from './match-brands.ts';
import { findFeatures } from './find-features.ts';
import { findCallsToAction } from './find-calls-to-action.ts';
import { findAmounts } from './find-amounts.ts';
import { CONTEXT_KINDS, TRIGGER_KINDS } from './lexicons.ts';

/**
 * Lure features of a message: impersonated brands, business contexts, psychological triggers, requests to
 * phone (tied to the numbers found) and amounts. Reads each part's head plus the surroundings of every number,
 * so a 20 MB part costs no more than a few hundred kilobytes of matching.
 */
export function extractLure(parts: readonly TextPart[], phones: readonly PhoneFinding[], options: LureOptions = {}): LureFeatures {
  const units = planUnits(parts, phones);
  return {
    brands: findBrands(units, options.extraBrands ?? []),
    contexts: findFeatures(units, CONTEXT_KINDS),
    triggers: findFeatures(units, TRIGGER_KINDS),
    callToAction: findCallsToAction(units, phones),
    amounts: findAmounts(units),
  };
}
