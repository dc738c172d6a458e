import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';

/** What a command's arguments said: `--flag`, `--opt VALUE` / `--opt=VALUE` (repeatable), positionals. */
export interface ParsedArgs {
  flags: Set<string>;
  options: Map<string, string[]>;
  positionals: string[];
}

export class UsageError extends Error {}

/**
 * Reads arguments with Node's own parser (`node:util` parseArgs, strict): unknown options, a value given to a
 * flag, a missing or empty value, and an option value that looks like an option (`--feed --json`) are usage
 * errors; `--` ends the options, so a file named `--json` can still be scanned.
 */
export function parseArgs(args: readonly string[], spec: { flags: string[]; options: string[] }): ParsedArgs {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const name of spec.flags) options[name] = { type: 'boolean' };
  for (const name of spec.options) options[name] = { type: 'string', multiple: true };
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error as Error & { code?: string }));
  }
  const result: ParsedArgs = { flags: new Set(), options: new Map(), positionals: parsed.positionals };
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === true) result.flags.add(name);
    else if (Array.isArray(value)) {
      if (value.some((v) => v === '')) throw new UsageError(`--${name} needs a value`);
      result.options.set(name, value.map(String));
    }
  }
  return result;
}

/** Node's message, made short: "unknown option --x", "--feed needs a value", "--json takes no value". */
function usageMessage(error: Error & { code?: string }): string {
  const option = /'(-[^' <]*)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(error.message)) return `${option} takes no value`;
    if (/ambiguous/.test(error.message)) return `${option} needs a value (to give one starting with "-", write ${option}=VALUE)`;
    return `${option} needs a value`;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'unexpected argument';
  return error.message.split('\n')[0] ?? 'bad arguments';
}
