/** A small argument parser: `--flag`, `--opt VALUE` (repeatable), `--opt=VALUE`, positionals. */
export interface ParsedArgs {
  flags: Set<string>;
  options: Map<string, string[]>;
  positionals: string[];
}

export class UsageError extends Error {}

export function parseArgs(args: readonly string[], spec: { flags: string[]; options: string[] }): ParsedArgs {
  const parsed: ParsedArgs = { flags: new Set(), options: new Map(), positionals: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      parsed.positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (spec.flags.includes(name) && eq === -1) {
      parsed.flags.add(name);
    } else if (spec.options.includes(name)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      parsed.options.set(name, [...(parsed.options.get(name) ?? []), value]);
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  return parsed;
}
