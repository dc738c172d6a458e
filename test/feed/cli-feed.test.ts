import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/commands/feed.ts';
import { main } from '../../cli/main.ts';
import { parseFeed } from '../../shared/feed/index.ts';
import { clusterMessages } from '../../shared/cluster/index.ts';
import { captureOutput } from './capture-output.ts';
import { fixturePath } from './fixture.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringfence-feed-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ringfence feed validate', () => {
  it('prints the format, name and counts per kind and exits 0 for a clean feed', async () => {
    const { result, stdout } = await captureOutput(() => run(['validate', fixturePath('native.json')]));
    expect(result).toBe(0);
    expect(stdout).toContain('native.json: ringfence-feed/1 feed "Example Corp scam numbers"');
    expect(stdout).toContain('6 entries: 4 numbers, 2 blocks (5 scam, 1 trusted)');
    expect(stdout).toContain('no errors');
  });

  it('lists errors by entry or line and exits 1', async () => {
    const native = await captureOutput(() => run(['validate', fixturePath('native-broken.json')]));
    expect(native.result).toBe(1);
    expect(native.stdout).toContain('2 entries: 2 numbers, 0 blocks');
    expect(native.stdout).toContain('entry 1: not a valid phone number: "call me"');
    const csv = await captureOutput(() => run(['validate', fixturePath('ftc-dnc.csv')]));
    expect(csv.result).toBe(1);
    expect(csv.stdout).toContain('csv feed');
    expect(csv.stdout).toContain('line 5: not a valid phone number or block: "70611454600144"');
  });

  it('shows only the first 20 errors', async () => {
    const file = join(dir, 'many-errors.txt');
    await writeFile(file, Array.from({ length: 30 }, (_, i) => `bad${i}`).join('\n'));
    const { result, stdout } = await captureOutput(() => run(['validate', file]));
    expect(result).toBe(1);
    expect(stdout).toContain('30 errors (first 20 shown):');
    expect(stdout).toContain('line 20: ');
    expect(stdout).not.toContain('line 21: ');
  });

  it('says why a feed is refused: unreadable file, bad JSON, unknown shape', async () => {
    const missing = await captureOutput(() => run(['validate', join(dir, 'nope.json')]));
    expect(missing.result).toBe(1);
    expect(missing.stdout).toMatch(/refused: cannot read feed .*nope\.json: no such file/);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"format": "ringfence-feed/1", "entries": [}');
    const broken = await captureOutput(() => run(['validate', bad]));
    expect(broken.result).toBe(1);
    expect(broken.stdout).toMatch(/refused: feed is not valid JSON/);
  });

  it('prints JSON with --json and escapes control characters in text output', async () => {
    const { stdout } = await captureOutput(() => run(['validate', '--json', fixturePath('text.txt')]));
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, format: 'text', counts: { entries: 6, numbers: 4, blocks: 2 } });
    const file = join(dir, 'escape.txt');
    await writeFile(file, '\u001b[31mred\n');
    const escaped = await captureOutput(() => run(['validate', file]));
    expect(escaped.stdout).toContain('\\u001b[31mred');
    expect(escaped.stdout).not.toContain('\u001b');
  });

  it('exits 2 for bad arguments through the CLI entry point', async () => {
    expect((await captureOutput(() => main(['feed', 'validate']))).result).toBe(2);
    expect((await captureOutput(() => main(['feed', 'frobnicate']))).result).toBe(2);
    expect((await captureOutput(() => main(['feed', 'validate', '--format', 'xml', 'x']))).result).toBe(2);
  });
});

describe('ringfence feed build', () => {
  it('merges inputs of every format into one native feed', async () => {
    const out = join(dir, 'built.json');
    const inputs = ['native.json', 'text.txt', 'numbers.csv', 'misp-event.json', 'misp-restsearch.json'].map(fixturePath);
    const { result, stderr } = await captureOutput(() => run(['build', '--name', 'Merged', '--published', '2026-03-07T00:00:00Z', '--out', out, ...inputs]));
    expect(result).toBe(0);
    expect(stderr).toMatch(/built\.json: \d+ entries/);
    const text = await readFile(out, 'utf8');
    const { feed, errors } = parseFeed(text);
    expect(errors).toEqual([]);
    expect(feed).toMatchObject({ format: 'ringfence', name: 'Merged', published: '2026-03-07T00:00:00.000Z' });
    const paypal = feed.entries.find((e) => e.key === '+18047134598');
    expect(paypal?.brands).toEqual(['PayPal', 'Norton']);
    expect(paypal?.reports).toBe(234);
    expect(feed.entries.find((e) => e.key === '+18005550100')?.verdict).toBe('trusted');
    expect(feed.entries.filter((e) => e.kind === 'block').map((e) => e.key).sort()).toEqual(['+1617555', '+1804713', '+1888777']);
    // One entry a line, numbers before blocks, sorted.
    expect(text.split('\n').filter((l) => l.trim().startsWith('{"')).length).toBe(feed.entries.length);
  });

  it('builds from cluster output', async () => {
    const cluster = clusterMessages([
      { file: 'a.eml', date: '2026-03-03T00:00:00Z', subject: 's', from: 'f', brands: ['PayPal'], phones: ['+18047134598'] },
      { file: 'b.eml', date: '2026-03-04T00:00:00Z', subject: 's', from: 'f', brands: ['Norton'], phones: ['+18047130001'] },
    ]);
    const file = join(dir, 'cluster.json');
    await writeFile(file, JSON.stringify({ format: 'ringfence-clusters/1', ...cluster, errors: [] }));
    const { result, stdout } = await captureOutput(() => run(['build', '--from-cluster', file]));
    expect(result).toBe(0);
    const { feed } = parseFeed(stdout);
    expect(feed.entries.map((e) => [e.kind, e.key, e.reports])).toEqual([
      ['number', '+18047130001', 1],
      ['number', '+18047134598', 1],
      ['block', '+1804713', undefined],
    ]);
  });

  it('writes nothing when an input cannot be read', async () => {
    const out = join(dir, 'never.json');
    const { result, stderr } = await captureOutput(() => run(['build', '--out', out, fixturePath('csv-no-number-column.csv')]));
    expect(result).toBe(1);
    expect(stderr).toMatch(/names no number column.*nothing written/);
    await expect(readFile(out)).rejects.toThrow();
  });

  it('reports left-out entries on stderr and keeps the rest', async () => {
    const { result, stdout, stderr } = await captureOutput(() => run(['build', fixturePath('text-broken.txt')]));
    expect(result).toBe(0);
    expect(stderr).toContain('line 2: not a valid phone number or block: "not a number" (left out)');
    expect(parseFeed(stdout).feed.entries).toHaveLength(2);
  });

  it('rebuilds the bundled starter feed exactly as data/README.md says', async (context) => {
    const tsv = fixturePath('../../../../shared/corpus/iocs/derived/phishing_pot_toad_phone_numbers.tsv');
    try {
      await readFile(tsv);
    } catch {
      context.skip('../shared/corpus is absent');
      return;
    }
    const readme = await readFile(fixturePath('../../../data/README.md'), 'utf8');
    const command = /node bin\/ringfence\.js feed build \\\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(command).toBeDefined();
    const args = [...command!.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).filter((a) => a !== '\\');
    const outIndex = args.indexOf('--out');
    const out = join(dir, 'starter.json');
    args[outIndex + 1] = out;
    args[args.length - 1] = tsv;
    const { result } = await captureOutput(() => run(['build', ...args]));
    expect(result).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(await readFile(fixturePath('../../../data/starter-feed.json'), 'utf8'));
  });
});
