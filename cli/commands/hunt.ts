import { parseArgs, UsageError } from '../args.ts';
import { mboxFormatOption } from '../input/mbox-format.ts';
import { loadPolicy } from '../load-policy.ts';
import { buildReputation } from '../reputation.ts';
import { errorJson } from '../format-verdict.ts';
import { jobsOption, runMessages, sourceName } from '../run-messages.ts';
import { parseHuntTarget, type HuntTarget } from '../hunt/hunt-target.ts';
import { SightingsSummary, type NumberSeen } from '../hunt/sightings-summary.ts';
import type { HuntFinding } from '../pool/message-task.ts';
import { defaultRegion } from '../../shared/policy/default-region.ts';
import { printErr, printOut, terminalJson, terminalLine } from '../terminal-text.ts';

/**
 * `ringfence hunt [--json] [--jobs N] [--progress] [--no-ocr] [--policy FILE] (NUMBER|BLOCK | --feed FILE_OR_URL...) PATH...`
 * Prints every message holding the number, a number of the block (`+1804713XXXX`, or the prefix `+1804713`
 * for the last 4 digits), or a live scam entry of the feeds; then first and last seen per number.
 * Exit 0 when every message was read, 1 when some could not be, 2 for bad arguments.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { flags: ['json', 'no-ocr', 'progress'], options: ['feed', 'policy', 'jobs', 'region', 'mbox-format'] });
  const jobs = jobsOption(parsed.options.get('jobs'));
  const feeds = parsed.options.get('feed') ?? [];
  const policy = await loadPolicy(parsed.options.get('policy')?.[0]);
  const region = parsed.options.get('region')?.[0] ?? defaultRegion(policy);
  const positionals = [...parsed.positionals];
  const targets: HuntTarget[] = [];
  if (feeds.length === 0) {
    const text = positionals.shift();
    if (text === undefined) throw new UsageError('hunt needs a NUMBER, a BLOCK (+1804713XXXX) or --feed FILE');
    const target = parseHuntTarget(text, region);
    if (!target) throw new UsageError(`"${text}" is neither a phone number nor a block such as +1804713XXXX`);
    targets.push(target);
  }
  if (positionals.length === 0) throw new UsageError('hunt needs at least one message file, mbox, folder or - (standard input)');
  // Only the feeds named on the command line (buildReputation leaves the bundled starter feed out when given some).
  const reputation = feeds.length ? await buildReputation(feeds, policy) : undefined;
  const ocr = parsed.flags.has('no-ocr') || policy.ocr === false ? undefined : { defaultRegion: region, extraBrands: policy.extraBrands ?? [] };
  const json = parsed.flags.has('json');

  const summary = new SightingsSummary();
  let messages = 0;
  let matched = 0;
  let errors = 0;
  const results = runMessages({
    paths: positionals,
    jobs,
    init: { command: 'hunt', policy, region, targets, reputation: reputation !== undefined, ...(ocr ? { ocr } : {}) },
    ...(reputation ? { reputation } : {}),
    progress: parsed.flags.has('progress'),
    mboxFormat: mboxFormatOption(parsed.options.get('mbox-format')),
    onNote: (note) => printErr(`ringfence hunt: ${note}`),
  });
  for await (const result of results) {
    messages++;
    const place = result.index === undefined ? {} : { index: result.index, offset: result.offset };
    const name = sourceName(result);
    if (result.error !== undefined || !('hunt' in result.output)) {
      errors++;
      const message = result.error ?? 'not read';
      printOut(json ? errorJson(result.file, message, place) : `ERROR   ${terminalLine(name)}  ${terminalLine(message)}`);
      continue;
    }
    const finding = result.output.hunt;
    if (finding.hits.length === 0) continue;
    matched++;
    summary.add(name, finding);
    printOut(json ? terminalJson({ file: result.file, ...place, ...finding }) : findingText(name, finding));
  }
  const numbers = summary.numbers();
  if (json) for (const seen of numbers) printOut(terminalJson({ summary: seen }));
  else printOut(summaryText(numbers));
  const total = `${messages} message${messages === 1 ? '' : 's'} read, ${matched} matched, ${errors} unreadable`;
  if (json) printErr(total);
  else printOut(total);
  return errors > 0 ? 1 : 0;
}

function findingText(name: string, finding: HuntFinding): string {
  const head = `MATCH   ${terminalLine(name)}  ${finding.date ?? 'no date'}  ${terminalLine(finding.from || '(no sender)')}  "${terminalLine(finding.subject)}"`;
  const hits = finding.hits.map(
    (h) => `        ${h.e164}  "${terminalLine(h.raw)}" in ${terminalLine(h.part)} at ${h.start}-${h.end}  (${terminalLine(h.match)}${h.feed ? `: ${terminalLine(h.feed)}` : ''})`,
  );
  return [head, ...hits].join('\n');
}

function summaryText(numbers: readonly NumberSeen[]): string {
  if (numbers.length === 0) return '\nno message holds what was hunted';
  const lines = ['', 'numbers found:'];
  for (const n of numbers) {
    const span = n.firstSeen && n.lastSeen ? `first seen ${n.firstSeen} (${terminalLine(n.firstIn ?? '')}), last seen ${n.lastSeen} (${terminalLine(n.lastIn ?? '')})` : 'no dates';
    lines.push(`  ${n.e164}  ${n.messages} message${n.messages === 1 ? '' : 's'}, ${span}`);
  }
  return lines.join('\n');
}
