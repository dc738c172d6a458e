// V8 tiering for the scan pool. Each worker is a V8 isolate of its own that compiles the same parsing and
// scanning code with TurboFan, on V8's shared background threads: with V8's defaults that compiling is
// about a third of the CPU time of a 100 MB mbox scan with 2 workers, and is paid again by every worker.
// Optimising only hotter functions, with less inlining, cut the whole run's CPU time by some 10% (31 -> 28 s
// of CPU for 3,256 messages, --jobs 2) with the same steady-state speed. Results do not depend on it.
import { setFlagsFromString } from 'node:v8';

export const JIT_FLAGS = ['--interrupt-budget=200000', '--max-inlined-bytecode-size-cumulative=400'] as const;

let tuned = false;

/**
 * Applies JIT_FLAGS to this process (isolates started afterwards, the pool's workers, pick them up).
 * RINGFENCE_JIT_DEFAULTS=1 keeps V8's defaults.
 */
export function tuneJit(env: NodeJS.ProcessEnv = process.env): boolean {
  if (tuned || env.RINGFENCE_JIT_DEFAULTS === '1') return false;
  for (const flag of JIT_FLAGS) setFlagsFromString(flag);
  tuned = true;
  return true;
}
