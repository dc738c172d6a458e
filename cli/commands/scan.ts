import { parseArgs, UsageError } from '../args.ts';
import { mboxFormatOption } from '../input/mbox-format.ts';
import { loadPolicy } from '../load-policy.ts';
import { buildReputation } from '../reputation.ts';
import { errorJson, verdictJson, verdictText, type MessagePlace } from '../format-verdict.ts';
import { jobsOption, runMessages, sourceName } from '../run-messages.ts';
import { defaultRegion } from '../../shared/policy/default-region.ts';
import { printErr, printOut, terminalLine } from '../terminal-text.ts';
import type { Level } from '../../shared/types.ts';

/**
 * `ringfence scan [--json] [--no-ocr] [--jobs N] [--progress] [--feed FILE_OR_URL]... [--policy FILE] PATH...`
 * PATH: .eml, Outlook .msg, mbox, a folder or Maildir, a .gz of any of them, or `-` for standard input.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { flags: ['json', 'no-ocr', 'progress'], options: ['feed', 'policy', 'jobs', 'mbox-format'] });
  if (parsed.positionals.length === 0) throw new UsageError('scan needs at least one message file, mbox, folder or - (standard input)');
  const jobs = jobsOption(parsed.options.get('jobs'));
  const json = parsed.flags.has('json');
  const policy = await loadPolicy(parsed.options.get('policy')?.[0]);
  const reputation = await buildReputation(parsed.options.get('feed') ?? [], policy);
  // OCR of pictures and image-only PDF pages where a message calls for it; --no-ocr or policy ocr:false turn it off.
  const ocr = parsed.flags.has('no-ocr') || policy.ocr === false ? undefined : { defaultRegion: defaultRegion(policy), extraBrands: policy.extraBrands ?? [] };

  const counts: Record<Level | 'error', number> = { danger: 0, warning: 0, caution: 0, none: 0, error: 0 };
  let messages = 0;
  const results = runMessages({
    paths: parsed.positionals,
    jobs,
    init: { command: 'scan', policy, region: defaultRegion(policy), reputation: reputation !== undefined, ...(ocr ? { ocr } : {}) },
    ...(reputation ? { reputation } : {}),
    progress: parsed.flags.has('progress'),
    mboxFormat: mboxFormatOption(parsed.options.get('mbox-format')),
    onNote: (note) => printErr(`ringfence scan: ${note}`),
  });
  for await (const result of results) {
    messages++;
    const place: MessagePlace = result.index === undefined ? {} : { index: result.index, offset: result.offset };
    const name = sourceName(result);
    if (result.error === undefined && 'verdict' in result.output) {
      const { verdict } = result.output;
      counts[verdict.level]++;
      printOut(json ? verdictJson(result.file, verdict, place) : verdictText(name, verdict));
    } else {
      counts.error++;
      const message = result.error ?? 'no verdict';
      printOut(json ? errorJson(result.file, message, place) : `ERROR   ${terminalLine(name)}  ${terminalLine(message)}`);
    }
  }
  const summary =
    `${messages} message${messages === 1 ? '' : 's'}: ${counts.danger} danger, ${counts.warning} warning, ` +
    `${counts.caution} caution, ${counts.none} none, ${counts.error} unreadable`;
  if (json) printErr(summary);
  else printOut(`\n${summary}`);
  return counts.error > 0 ? 1 : 0;
}
