// Lure features of callback scams: brands, business contexts, triggers, calls to action, amounts.
export type { AmountHit, BrandHit, CallToActionHit, FeatureHit, LureFeatures, LureOptions } from './types.ts';
export { extractLure } from './extract-lure.ts';
export { scoreLure } from './score-lure.ts';
export { LEXICON_SIZE } from './match-brands.ts';
