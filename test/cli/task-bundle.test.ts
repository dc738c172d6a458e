// The pool's task module bundled into cached JavaScript: built once, reused while its sources are unchanged,
// rebuilt when one changes, import.meta.url kept pointing at each source, and the same verdicts as the
// TypeScript sources loaded through tsx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundledEntry, taskModuleUrl } from '../../cli/pool/task-bundle.ts';
import { WorkerPool } from '../../cli/pool/worker-pool.ts';
import type { TaskInit, TaskOutput } from '../../cli/pool/message-task.ts';
import { loadPolicy } from '../../cli/load-policy.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let cache: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringfence-bundle-'));
  cache = join(dir, 'cache');
  await writeFile(join(dir, 'dep.ts'), `export const word: string = 'one';\n`);
  await writeFile(join(dir, 'later.ts'), `export const later = (n: number): number => n * 2;\n`);
  await writeFile(
    join(dir, 'entry.ts'),
    `import { word } from './dep.ts';
    export async function createHandler(init: { prefix: string }) {
      return async (n: number) => ({ text: init.prefix + word, doubled: (await import('./later.ts')).later(n), here: import.meta.url });
    }\n`,
  );
  await writeFile(join(dir, 'meta.ts'), `export const where = import.meta.dirname;\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bundledEntry', () => {
  it('builds once, reuses the bundle while the sources are unchanged, and rebuilds after an edit', async () => {
    const first = await bundledEntry(join(dir, 'entry.ts'), cache);
    expect(first.startsWith(cache)).toBe(true);
    expect(first.endsWith('.mjs')).toBe(true);
    const built = await readFile(first, 'utf8');
    expect(await bundledEntry(join(dir, 'entry.ts'), cache)).toBe(first);

    const mod = (await import(pathToFileURL(first).href)) as { createHandler: (init: { prefix: string }) => Promise<(n: number) => Promise<unknown>> };
    const handle = await mod.createHandler({ prefix: 'word ' });
    // The dynamic import stays a chunk of its own, and import.meta.url names the source, not the bundle.
    expect(await handle(21)).toEqual({ text: 'word one', doubled: 42, here: pathToFileURL(join(dir, 'entry.ts')).href });
    expect(built).not.toContain('n * 2');

    await writeFile(join(dir, 'dep.ts'), `export const word: string = 'two';\n`);
    const second = await bundledEntry(join(dir, 'entry.ts'), cache);
    expect(second).not.toBe(first);
    expect(await readFile(second, 'utf8')).toContain('"two"');
    expect((await readdir(cache)).filter((f) => f.endsWith('.inputs.json'))).toHaveLength(1);
  }, 60_000);

  it('refuses a source that needs import.meta beyond import.meta.url, and the caller falls back to the sources', async () => {
    await expect(bundledEntry(join(dir, 'meta.ts'), cache)).rejects.toThrow(/import\.meta beyond import\.meta\.url/);
    const entry = pathToFileURL(join(dir, 'meta.ts'));
    expect(await taskModuleUrl(entry)).toBe(entry.href);
  }, 60_000);
});

describe('the bundled message task', () => {
  it('is what the pool loads, and judges messages exactly as the TypeScript sources do', async () => {
    const source = new URL('../../cli/pool/message-task.ts', import.meta.url);
    const bundled = await taskModuleUrl(source);
    expect(bundled).toMatch(/node_modules\/\.cache\/ringfence\/message-task-[0-9a-f]+\/message-task\.mjs$/);

    const init: TaskInit = { command: 'scan', policy: await loadPolicy(undefined), region: 'US', reputation: false };
    const fixtures = join(root, 'test/fixtures/eml');
    const files = (await readdir(fixtures)).filter((f) => f.endsWith('.eml')).sort();
    const judge = async (module: string) => {
      const pool = new WorkerPool({ module, jobs: 1, init });
      try {
        const out: unknown[] = [];
        for (const file of files) {
          const bytes = new Uint8Array(await readFile(join(fixtures, file)));
          const result = await pool.run<TaskOutput>({ format: 'eml', bytes, name: file }).then((r) => r, (e: Error) => ({ error: e.message }));
          out.push(result);
        }
        return out;
      } finally {
        await pool.close();
      }
    };
    const fromBundle = await judge(bundled);
    const fromSources = await judge(source.href);
    expect(fromBundle).toHaveLength(files.length);
    expect(fromBundle.some((r) => 'verdict' in (r as object))).toBe(true);
    expect(fromBundle).toEqual(fromSources);
  }, 120_000);
});
