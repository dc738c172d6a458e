import { readFile } from 'node:fs/promises';
import { validatePolicy } from '../shared/policy/validate-policy.ts';
import { mergePolicy } from '../shared/policy/merge-policy.ts';
import type { Policy } from '../shared/types.ts';
import { printErr, terminalLine } from './terminal-text.ts';

/** Reads a policy JSON file (same keys as the extension's managed schema); warns about keys it drops. */
export async function loadPolicy(path: string | undefined): Promise<ReturnType<typeof mergePolicy>> {
  if (!path) return mergePolicy(undefined, undefined);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read policy ${path}: ${(error as Error).message}`);
  }
  const { policy, errors } = validatePolicy(parsed);
  for (const error of errors) printErr(`ringfence: policy ${terminalLine(path)}: ${terminalLine(error)} (ignored)`);
  return mergePolicy(policy as Policy, undefined);
}
