import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../cli/args.ts';

const spec = { flags: ['json'], options: ['feed', 'policy'] };
const parse = (...args: string[]) => parseArgs(args, spec);
const usage = (...args: string[]) => {
  try {
    parse(...args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no usage error for ${JSON.stringify(args)}`);
};

describe('parseArgs (node:util)', () => {
  it('reads --feed=x and --feed x, repeated, in order', () => {
    const parsed = parse('--feed=a.json', 'mail', '--feed', 'https://intel.example/feed.txt', '--json', '--feed=c=d.csv');
    expect(parsed.options.get('feed')).toEqual(['a.json', 'https://intel.example/feed.txt', 'c=d.csv']);
    expect(parsed.flags).toEqual(new Set(['json']));
    expect(parsed.positionals).toEqual(['mail']);
  });

  it('ends options at "--": later arguments are paths, even when they look like options', () => {
    const parsed = parse('--json', '--', '--feed', '-x.eml', '--json');
    expect(parsed.positionals).toEqual(['--feed', '-x.eml', '--json']);
    expect(parsed.options.size).toBe(0);
  });

  it('takes "-" (standard input) as a path', () => {
    expect(parse('-').positionals).toEqual(['-']);
  });

  it('does not take the next option as a value: "--feed --json" is a usage error', () => {
    expect(usage('--feed', '--json', 'mail')).toMatch(/^--feed needs a value/);
    expect(parse('--feed=--odd-name.json').options.get('feed')).toEqual(['--odd-name.json']);
  });

  it('refuses unknown options, short ones included, values on flags and missing or empty values', () => {
    expect(usage('--bogus')).toBe('unknown option --bogus');
    expect(usage('-x', 'mail')).toBe('unknown option -x');
    expect(usage('--json=yes')).toBe('--json takes no value');
    expect(usage('mail', '--feed')).toBe('--feed needs a value');
    expect(usage('--policy=')).toBe('--policy needs a value');
  });

  it('never puts a prototype member among the options', () => {
    expect(usage('--constructor')).toBe('unknown option --constructor');
    expect(usage('--__proto__=x')).toBe('unknown option --__proto__');
  });
});
