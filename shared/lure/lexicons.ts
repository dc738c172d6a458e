import contexts from '../data/lure-contexts.json' with { type: 'json' };
import triggers from '../data/lure-triggers.json' with { type: 'json' };
import cta from '../data/lure-cta.json' with { type: 'json' };
import { compilePhrases } from './compile-phrases.ts';

/** One compiled feature kind: its name and a global RegExp over folded text. */
export interface CompiledKind {
  kind: string;
  pattern: RegExp;
}

function compileKinds(data: Record<string, unknown>): CompiledKind[] {
  return Object.entries(data)
    .filter((entry): entry is [string, string[]] => !entry[0].startsWith('$') && Array.isArray(entry[1]))
    .map(([kind, phrases]) => ({ kind, pattern: compilePhrases(phrases) }));
}

export const CONTEXT_KINDS: readonly CompiledKind[] = compileKinds(contexts);
export const TRIGGER_KINDS: readonly CompiledKind[] = compileKinds(triggers);

export const CTA_REQUEST = compilePhrases(cta.requests);
export const CTA_STANDALONE = compilePhrases(cta.standalone);
export const CTA_LABEL = compilePhrases(cta.labelWords);
export const CTA_LABEL_SYMBOLS: readonly string[] = cta.labelSymbols;
