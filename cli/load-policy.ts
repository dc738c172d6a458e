import { readFile } from 'node:fs/promises';
import { validatePolicy } from '../shared/policy/validate-policy.ts';
import { mergePolicy } from '../shared/policy/merge-policy.ts';
import type { Policy } from '../shared/types.ts';
import { printErr, terminalLine } from './terminal-text.ts';
import { translatorFor } from '../shared/i18n/catalogues.ts';
import { noteText, type Note } from '../shared/i18n/note.ts';
import { localeFromEnv } from './format-verdict.ts';

/** Reads a policy JSON file (same keys as the extension's managed schema); warns about keys it drops. */
export async function loadPolicy(path: string | undefined): Promise<ReturnType<typeof mergePolicy>> {
  if (!path) return mergePolicy(undefined, undefined);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read policy ${path}: ${(error as Error).message}`);
  }
  const { policy, problems } = validatePolicy(parsed);
  for (const line of policyProblemLines(path, problems)) printErr(line);
  return mergePolicy(policy as Policy, undefined);
}

/** Each dropped setting in the reader's language (LANG), with the checker's own line for the IT team. */
export function policyProblemLines(path: string, problems: readonly Note[], locale = localeFromEnv()): string[] {
  const { t } = translatorFor(locale);
  return problems.map((p) => `ringfence: policy ${terminalLine(path)}: ${terminalLine(noteText(p, t))}${p.detail ? ` [${terminalLine(p.detail)}]` : ''}`);
}
