import { parseArgs, UsageError } from '../args.ts';
import { collectEmlFiles } from '../collect-files.ts';
import { loadPolicy } from '../load-policy.ts';
import { buildReputation } from '../reputation.ts';
import { errorJson, verdictJson, verdictText } from '../format-verdict.ts';
import { readMessage } from '../read-message.ts';
import { defaultRegion } from '../../shared/policy/default-region.ts';
import { printErr, printOut, terminalLine } from '../terminal-text.ts';
import { scan } from '../../shared/scan.ts';
import type { Level, ScanContext } from '../../shared/types.ts';

/** `ringfence scan [--json] [--no-ocr] [--feed FILE_OR_URL]... [--policy FILE] PATH...` */
export async function run(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { flags: ['json', 'no-ocr'], options: ['feed', 'policy'] });
  if (parsed.positionals.length === 0) throw new UsageError('scan needs at least one .eml file or folder');
  const json = parsed.flags.has('json');
  const policy = await loadPolicy(parsed.options.get('policy')?.[0]);
  const reputation = await buildReputation(parsed.options.get('feed') ?? [], policy);
  // OCR of pictures and image-only PDF pages where a message calls for it; --no-ocr or policy ocr:false turn it off.
  const ocr = parsed.flags.has('no-ocr') || policy.ocr === false ? undefined : { defaultRegion: defaultRegion(policy), extraBrands: policy.extraBrands ?? [] };
  const { paths: files, notes } = await collectEmlFiles(parsed.positionals);
  for (const note of notes) printErr(`ringfence scan: ${note}`);

  const counts: Record<Level | 'error', number> = { danger: 0, warning: 0, caution: 0, none: 0, error: 0 };
  for (const { file, error: unreadable } of files) {
    try {
      if (unreadable !== undefined) throw new Error(unreadable);
      const context: ScanContext = { policy, now: new Date(), reputation };
      const verdict = await scan(await readMessage(file, { ocr }), context);
      counts[verdict.level]++;
      printOut(json ? verdictJson(file, verdict) : verdictText(file, verdict));
    } catch (error) {
      counts.error++;
      const message = (error as Error).message || String(error);
      printOut(json ? errorJson(file, message) : `ERROR   ${terminalLine(file)}  ${terminalLine(message)}`);
    }
  }
  const summary =
    `${files.length} message${files.length === 1 ? '' : 's'}: ${counts.danger} danger, ${counts.warning} warning, ` +
    `${counts.caution} caution, ${counts.none} none, ${counts.error} unreadable`;
  if (json) printErr(summary);
  else printOut(`\n${summary}`);
  return counts.error > 0 ? 1 : 0;
}
