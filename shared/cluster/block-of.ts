/** Digits a DID block varies in: numbers bought together differ in their last four. */
export const BLOCK_DIGITS = 4;

/** The block an E.164 number falls in: the number minus its last 4 digits ("+18047134598" → "+1804713"). */
export function blockOf(e164: string): string {
  return e164.slice(0, -BLOCK_DIGITS);
}
