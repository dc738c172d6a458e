// What a decision is about: one number, or a DID block (prefix + how many digits follow).
import { normalizeNumber } from '../../shared/feed/normalize-number.ts';
import { normalizeBlock } from '../../shared/feed/normalize-block.ts';
import { BLOCK_DIGITS } from '../../shared/cluster/block-of.ts';

export type DecisionVerdict = 'scam' | 'trusted' | 'dismissed';
export const DECISION_VERDICTS: readonly DecisionVerdict[] = ['scam', 'trusted', 'dismissed'];

export interface DecisionRequest {
  target: 'number' | 'block';
  key: string;
  digits: number | null;
  verdict: DecisionVerdict;
  note: string | null;
  /** Who decided, when the request names someone (else the caller fills it in). */
  by: string | null;
}

/** Checks a decision body; a string is the reason it was refused. */
export function readDecision(input: unknown): DecisionRequest | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'expected a JSON object';
  const raw = input as Record<string, unknown>;
  if (!DECISION_VERDICTS.includes(raw.verdict as DecisionVerdict)) return `verdict: expected one of ${DECISION_VERDICTS.join(', ')}`;
  const note = optionalText(raw.note, 'note', 2000);
  if (typeof note === 'object' && note !== null) return note.error;
  const by = optionalText(raw.by, 'by', 200);
  if (typeof by === 'object' && by !== null) return by.error;
  const base = { verdict: raw.verdict as DecisionVerdict, note, by };
  if (raw.number !== undefined && raw.block !== undefined) return 'give either "number" or "block", not both';
  if (raw.number !== undefined) {
    if (typeof raw.number !== 'string' || normalizeNumber(raw.number) !== raw.number) return 'number: expected a valid E.164 number ("+18047134598")';
    return { target: 'number', key: raw.number, digits: null, ...base };
  }
  if (raw.block !== undefined) {
    if (typeof raw.block !== 'string') return 'block: expected an E.164 prefix ("+1804713")';
    if (raw.digits !== undefined && !(Number.isInteger(raw.digits) && (raw.digits as number) >= 1 && (raw.digits as number) <= 6)) {
      return 'digits: expected an integer from 1 to 6';
    }
    const block = normalizeBlock(raw.block, (raw.digits as number | undefined) ?? BLOCK_DIGITS);
    if ('error' in block) return `block: ${block.error}`;
    if (block.prefix !== raw.block) return 'block: expected an E.164 prefix without spaces ("+1804713")';
    return { target: 'block', key: block.prefix, digits: block.digits, ...base };
  }
  return 'expected "number" or "block"';
}

function optionalText(value: unknown, where: string, max: number): string | null | { error: string } {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return { error: `${where}: expected a string` };
  if (value.length > max) return { error: `${where}: longer than ${max} characters` };
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value)) return { error: `${where}: contains control characters` };
  return value.trim() || null;
}
