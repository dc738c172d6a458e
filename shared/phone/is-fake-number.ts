/** Longest run of digits each one more (or each one less) than the one before. */
function longestStepRun(digits: string): number {
  let best = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < digits.length; i += 1) {
    const step = digits.charCodeAt(i) - digits.charCodeAt(i - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    best = Math.max(best, up, down);
  }
  return best;
}

/**
 * Numbers nobody can call: every digit the same, a counting sequence ("1234567", "9876543"), or the North
 * American fictional range 555-0100..555-0199. `national` is the national significant number.
 */
export function isFakeNumber(national: string, nanp: boolean): boolean {
  if (national.length < 7) return false;
  if (/^(\d)\1*$/.test(national)) return true;
  if (longestStepRun(national) >= 7) return true;
  if (nanp && national.length === 10 && national.slice(3, 6) === '555' && national.slice(6, 8) === '01') return true;
  return false;
}
