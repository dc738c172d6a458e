import { parseArgs, UsageError } from '../args.ts';
import { mboxFormatOption } from '../input/mbox-format.ts';
import { jobsOption, runMessages, sourceName } from '../run-messages.ts';
import { CampaignAccumulator } from '../../shared/cluster/index.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { printErr } from '../terminal-text.ts';
import { ChunkedOut, writeJson, writeText, type ClusterSummary } from './cluster-output.ts';

export { CLUSTER_FORMAT } from './cluster-output.ts';

/** Distinct numbers clustered by default: some 250 MB at most (each its own campaign), more than a real export holds. */
const MAX_NUMBERS = 250_000;
/** Files, and distinct subjects, senders and brands, listed per campaign (the first in input order). */
const FILE_CAP = 20;
const LIST_CAP = 10;
/** Unreadable messages listed one by one; the rest are counted. */
const ERRORS_LISTED = 1000;

/**
 * `ringfence cluster [--json] [--region R] [--jobs N] [--progress] [--max-numbers N] PATH...`: exit 0 all
 * read, 1 some unreadable, 2 bad arguments. Same inputs as scan. Messages are read by the worker pool; of
 * each only its numbers, brands, subject, sender and date reach this thread, and only per-number and
 * per-campaign aggregates are kept: memory grows with distinct numbers (capped), not with messages.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { flags: ['json', 'progress'], options: ['region', 'jobs', 'max-numbers', 'mbox-format'] });
  if (parsed.positionals.length === 0) throw new UsageError('cluster needs at least one message file, mbox, folder or - (standard input)');
  const region = parsed.options.get('region')?.[0] ?? 'US';
  const jobs = jobsOption(parsed.options.get('jobs'));
  const maxNumbers = maxNumbersOption(parsed.options.get('max-numbers'));

  const accumulator = new CampaignAccumulator({ maxNumbers, fileCap: FILE_CAP, listCap: LIST_CAP });
  const errors: ClusterSummary['errors'] = [];
  let errorsOmitted = 0;
  const results = runMessages({
    paths: parsed.positionals,
    jobs,
    init: { command: 'cluster', policy: mergePolicy(undefined, undefined), region, reputation: false },
    progress: parsed.flags.has('progress'),
    mboxFormat: mboxFormatOption(parsed.options.get('mbox-format')),
    onNote: (note) => printErr(`ringfence cluster: ${note}`),
  });
  for await (const result of results) {
    if (result.error === undefined && 'record' in result.output) accumulator.add(result.output.record);
    else if (errors.length < ERRORS_LISTED) errors.push({ file: sourceName(result), error: result.error ?? 'not read' });
    else errorsOmitted++;
  }
  const unread = errors.length + errorsOmitted;
  const { untracked } = accumulator;
  const summary: ClusterSummary = {
    messages: accumulator.messages,
    withoutNumbers: accumulator.withoutNumbers,
    numbers: accumulator.numbers,
    campaigns: accumulator.campaignCount,
    ...(untracked.sightings ? { untracked: { ...untracked, maxNumbers } } : {}),
    errors,
    errorsOmitted,
  };
  if (untracked.sightings) printErr(`ringfence cluster: truncated: more than ${maxNumbers} distinct numbers; later ones were not clustered (raise --max-numbers)`);
  (parsed.flags.has('json') ? writeJson : writeText)(new ChunkedOut(), summary, accumulator.campaignList());
  return unread > 0 ? 1 : 0;
}

function maxNumbersOption(values: readonly string[] | undefined): number {
  const text = values?.[values.length - 1];
  if (text === undefined) return MAX_NUMBERS;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--max-numbers needs a whole number from 1, not "${text}"`);
  return Number(text);
}
