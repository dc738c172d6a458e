import { join, resolve } from 'node:path';
import { parseArgs, UsageError } from '../args.ts';
import { loadPolicy } from '../load-policy.ts';
import { buildReputation } from '../reputation.ts';
import { readMessage } from '../read-message.ts';
import { readLabels } from '../eval/read-labels.ts';
import { splitOf } from '../eval/split-by-hash.ts';
import { tally, type EvalResult } from '../eval/tally.ts';
import { formatReport } from '../eval/format-eval.ts';
import { printOut, terminalJson } from '../terminal-text.ts';
import { scan } from '../../shared/scan.ts';

const SPLITS = ['tune', 'validate', 'all'] as const;
type SplitChoice = (typeof SPLITS)[number];

/**
 * `ringfence eval [--json] [--feed F]... [--policy F] [--split tune|validate|all] --labels MANIFEST.tsv DIR`:
 * scans every labelled file the way `scan` does and reports, per label, how much was flagged, and per reason
 * code where it fired and how precise it was. With `all`, each split is reported and then the whole set.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { flags: ['json'], options: ['feed', 'policy', 'split', 'labels'] });
  const labelsPath = parsed.options.get('labels')?.[0];
  if (!labelsPath) throw new UsageError('eval needs --labels MANIFEST.tsv');
  if (parsed.positionals.length !== 1) throw new UsageError('eval needs exactly one folder the manifest paths are relative to');
  const choice = (parsed.options.get('split')?.[0] ?? 'all') as SplitChoice;
  if (!SPLITS.includes(choice)) throw new UsageError(`--split must be one of ${SPLITS.join(', ')}`);
  const dir = resolve(parsed.positionals[0]!);

  const policy = await loadPolicy(parsed.options.get('policy')?.[0]);
  const reputation = await buildReputation(parsed.options.get('feed') ?? [], policy);
  const labelled = (await readLabels(labelsPath)).filter((l) => choice === 'all' || splitOf(l.file) === choice);

  const results: EvalResult[] = [];
  for (const { file, label } of labelled) {
    const result: EvalResult = { file, label, split: splitOf(file) };
    try {
      result.verdict = await scan(await readMessage(join(dir, file)), { policy, now: new Date(), reputation });
    } catch (error) {
      result.error = (error as Error).message || String(error);
    }
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
