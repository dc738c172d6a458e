import { parseArgs, UsageError } from '../args.ts';
import { jobsOption, runMessages, sourceName } from '../run-messages.ts';
import { clusterMessages, type Campaign, type ClusterResult, type MessageRecord } from '../../shared/cluster/index.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { printErr, printOut, terminalJson, terminalLine } from '../terminal-text.ts';

export const CLUSTER_FORMAT = 'ringfence-clusters/1';
const LISTED = 5;

/**
 * `ringfence cluster [--json] [--region R] [--jobs N] [--progress] PATH...`: exit 0 all read, 1 some
 * unreadable, 2 bad arguments. Same inputs as scan. Messages are read by the worker pool and only their
 * small records (numbers, brands, subject, sender, date) are kept, and only for messages holding a number.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { flags: ['json', 'progress'], options: ['region', 'jobs'] });
  if (parsed.positionals.length === 0) throw new UsageError('cluster needs at least one message file, mbox, folder or - (standard input)');
  const region = parsed.options.get('region')?.[0] ?? 'US';
  const jobs = jobsOption(parsed.options.get('jobs'));

  const records: MessageRecord[] = [];
  const errors: { file: string; error: string }[] = [];
  let withoutNumbers = 0;
  const results = runMessages({
    paths: parsed.positionals,
    jobs,
    init: { command: 'cluster', policy: mergePolicy(undefined, undefined), region, reputation: false },
    progress: parsed.flags.has('progress'),
    onNote: (note) => printErr(`ringfence cluster: ${note}`),
  });
  for await (const result of results) {
    if (result.error !== undefined || !('record' in result.output)) errors.push({ file: sourceName(result), error: result.error ?? 'not read' });
    else if (result.output.record.phones.length === 0) withoutNumbers++;
    else records.push(result.output.record);
  }
  const clustered = clusterMessages(records);
  const result: ClusterResult = { ...clustered, messages: records.length + withoutNumbers, withoutNumbers };
  printOut(parsed.flags.has('json') ? terminalJson({ format: CLUSTER_FORMAT, ...result, errors }, 2) : clusterText(result, errors));
  return errors.length > 0 ? 1 : 0;
}

export function clusterText(result: ClusterResult, errors: readonly { file: string; error: string }[]): string {
  const lines = [
    `${result.messages} messages read, ${result.campaigns.length} campaigns, ${result.withoutNumbers} messages without numbers` +
      (errors.length ? `, ${errors.length} unreadable` : ''),
  ];
  for (const campaign of result.campaigns) lines.push('', ...campaignText(campaign));
  for (const { file, error } of errors) lines.push('', `ERROR   ${terminalLine(file)}  ${terminalLine(error)}`);
  return lines.join('\n');
}

function campaignText(c: Campaign): string[] {
  const lines = [`${c.id}: ${c.messages} message${c.messages === 1 ? '' : 's'}, ${span(c.firstSeen, c.lastSeen, c.lifespanDays)}`];
  if (c.brands.length) lines.push(`  brands:   ${listed(c.brands)}`);
  for (const n of c.numbers) {
    lines.push(`  number:   ${n.e164}  ${n.messages} message${n.messages === 1 ? '' : 's'}, ${span(n.firstSeen, n.lastSeen, n.lifespanDays)}${n.brands.length ? `  (${listed(n.brands)})` : ''}`);
  }
  if (c.sharedBlocks.length) lines.push(`  blocks:   ${c.sharedBlocks.map((b) => `${b}XXXX`).join(', ')} (numbers differing in the last 4 digits)`);
  lines.push(`  subjects: ${listed(c.subjects)}`);
  lines.push(`  senders:  ${listed(c.senders)}`);
  lines.push(`  files:    ${listed(c.files)}`);
  return lines;
}

function span(first: string | null, last: string | null, days: number | null): string {
  if (!first || !last) return 'no dates';
  const from = first.slice(0, 10);
  const to = last.slice(0, 10);
  const length = `${days} day${days === 1 ? '' : 's'}`;
  return from === to ? `${from} (${length})` : `${from} → ${to} (${length})`;
}

function listed(values: readonly string[]): string {
  const shown = values.slice(0, LISTED).map((v) => terminalLine(v));
  return values.length > LISTED ? `${shown.join(' | ')} | … ${values.length - LISTED} more` : shown.join(' | ');
}
