import { join, resolve } from 'node:path';
import { parseArgs, UsageError } from '../args.ts';
import { loadPolicy } from '../load-policy.ts';
import { buildReputation } from '../reputation.ts';
import { jobsOption, runMessages } from '../run-messages.ts';
import { readLabels } from '../eval/read-labels.ts';
import { splitOf } from '../eval/split-by-hash.ts';
import { tally, type EvalResult } from '../eval/tally.ts';
import { formatReport } from '../eval/format-eval.ts';
import { printErr, printOut, terminalJson } from '../terminal-text.ts';
import { defaultRegion } from '../../shared/policy/default-region.ts';

const SPLITS = ['tune', 'validate', 'all'] as const;
type SplitChoice = (typeof SPLITS)[number];

/**
 * `ringfence eval [--json] [--no-ocr] [--jobs N] [--feed F]... [--policy F] [--split tune|validate|all] --labels MANIFEST.tsv DIR`:
 * scans every labelled file the way `scan` does (same worker pool, same OCR) and reports, per label, how much was flagged, and per reason
 * code where it fired and how precise it was. With `all`, each split is reported and then the whole set.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { flags: ['json', 'no-ocr'], options: ['feed', 'policy', 'split', 'labels', 'jobs'] });
  const labelsPath = parsed.options.get('labels')?.[0];
  if (!labelsPath) throw new UsageError('eval needs --labels MANIFEST.tsv');
  if (parsed.positionals.length !== 1) throw new UsageError('eval needs exactly one folder the manifest paths are relative to');
  const choice = (parsed.options.get('split')?.[0] ?? 'all') as SplitChoice;
  if (!SPLITS.includes(choice)) throw new UsageError(`--split must be one of ${SPLITS.join(', ')}`);
  const dir = resolve(parsed.positionals[0]!);

  const policy = await loadPolicy(parsed.options.get('policy')?.[0]);
  const reputation = await buildReputation(parsed.options.get('feed') ?? [], policy);
  const labelled = (await readLabels(labelsPath)).filter((l) => choice === 'all' || splitOf(l.file) === choice);

  const ocr = parsed.flags.has('no-ocr') || policy.ocr === false ? undefined : { defaultRegion: defaultRegion(policy), extraBrands: policy.extraBrands ?? [] };
  const judged = runMessages({
    paths: labelled.map((l) => join(dir, l.file)),
    jobs: jobsOption(parsed.options.get('jobs')),
    init: { command: 'scan', policy, region: defaultRegion(policy), reputation: reputation !== undefined, ...(ocr ? { ocr } : {}) },
    ...(reputation ? { reputation } : {}),
    progress: false,
    onNote: (note) => printErr(`ringfence eval: ${note}`),
  });
  // The pool answers in input order: the i-th result is the i-th labelled file.
  const results: EvalResult[] = [];
  for await (const judgedOne of judged) {
    const { file, label } = labelled[results.length]!;
    const result: EvalResult = { file, label, split: splitOf(file) };
    if (judgedOne.error === undefined && 'verdict' in judgedOne.output) result.verdict = judgedOne.output.verdict;
    else result.error = judgedOne.error ?? 'no verdict';
    results.push(result);
  }

  const sections: [string, EvalResult[]][] = choice === 'all'
    ? [['tune', results.filter((r) => r.split === 'tune')], ['validate', results.filter((r) => r.split === 'validate')], ['all', results]]
    : [[choice, results]];
  if (parsed.flags.has('json')) {
    const splits: Record<string, ReturnType<typeof tally>> = {};
    for (const [name, rows] of sections) splits[name] = tally(rows);
    printOut(terminalJson({ labels: labelsPath, dir, split: choice, splits }, 2));
  } else {
    // Manifest paths and error messages are text from outside: printed without terminal escapes.
    printOut(sections.map(([name, rows]) => formatReport(name, tally(rows))).join('\n\n'));
  }
  return results.some((r) => r.error !== undefined) ? 1 : 0;
}
