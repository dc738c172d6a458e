import { UsageError } from './args.ts';
import { printErr, terminalLine } from './terminal-text.ts';

const USAGE = `usage:
  ringfence scan [--json] [--no-ocr] [--jobs N] [--progress] [--mbox-format F] [--feed FILE_OR_URL]... [--policy FILE] PATH...
  ringfence hunt [--json] [--no-ocr] [--jobs N] [--progress] [--mbox-format F] [--policy FILE] NUMBER|BLOCK|--feed FILE_OR_URL... PATH...
  ringfence eval [--json] [--no-ocr] [--jobs N] [--feed FILE_OR_URL]... [--policy FILE] [--split tune|validate|all] --labels MANIFEST.tsv DIR
  ringfence cluster [--json] [--region R] [--jobs N] [--progress] [--mbox-format F] [--max-numbers N] PATH...
  ringfence feed validate FILE
  ringfence feed build [--from-cluster FILE] [--name NAME] [--out FILE] [INPUT...]
  ringfence feed sign --key PRIVATE_KEY --url URL [--sequence N] [--published DATE] [--out FILE.sig] FILE
  ringfence serve [--port N] [--host H] [--data DIR] [--database URL] [--config FILE] [--print-policy [--public-url URL]]
  PATH: .eml, Outlook .msg, mbox, folder or Maildir, a .gz of any of them, or - (standard input)
  --mbox-format auto|mboxrd|mboxo|mboxcl2: how an mbox quotes body lines starting "From ". auto (default):
    a message whose Content-Length header ends exactly at the next "From " line is mboxcl2 (nothing
    unquoted), any other is mboxrd (one ">" removed from ">From ", ">>From ", ...); give mboxo to keep
    ">>From " lines as they are (auto cannot tell mboxo from mboxrd)`;

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  scan: async () => (await import('./commands/scan.ts')).run,
  eval: async () => (await import('./commands/eval.ts')).run,
  cluster: async () => (await import('./commands/cluster.ts')).run,
  hunt: async () => (await import('./commands/hunt.ts')).run,
  feed: async () => (await import('./commands/feed.ts')).run,
  serve: async () => (await import('./commands/serve.ts')).run,
};

/** Runs the CLI and returns the exit status: 0 all judged, 1 some input failed, 2 bad arguments. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? console.log : console.error)(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    printErr(`ringfence: unknown command "${terminalLine(name)}"\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      printErr(`ringfence ${name}: ${terminalLine(error.message)}\n${USAGE}`);
      return 2;
    }
    printErr(`ringfence ${name}: ${terminalLine((error as Error).message)}`);
    return 1;
  }
}
