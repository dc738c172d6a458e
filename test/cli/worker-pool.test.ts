// The worker pool on its own: a worker that dies fails only its own task and is replaced; a task module that
// cannot load fails every task at once instead of restarting workers forever; calls reach the main thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkerPool } from '../../cli/pool/worker-pool.ts';

let dir: string;
let task: string;
let broken: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringfence-pool-'));
  task = pathToFileURL(join(dir, 'task.mjs')).href;
  broken = pathToFileURL(join(dir, 'broken.mjs')).href;
  await writeFile(
    join(dir, 'task.mjs'),
    `export async function createHandler(init, call) {
      return async (n) => {
        if (n === 'die') process.exit(3);
        if (n === 'ask') return call('double', [21]);
        if (n === 'throw') throw new Error('bad message');
        return init.prefix + n;
      };
    }`,
  );
  await writeFile(join(dir, 'broken.mjs'), `throw new Error('cannot load');`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const settle = (p: Promise<unknown>) => p.then((v) => ({ ok: v }), (e: Error) => ({ error: e.message }));

describe('WorkerPool', () => {
  it('runs tasks, answers calls, and survives a worker that dies', async () => {
    const pool = new WorkerPool({ module: task, jobs: 1, init: { prefix: 'done ' }, onCall: async (method, args) => (method === 'double' ? (args[0] as number) * 2 : undefined) });
    try {
      expect(await settle(pool.run('a'))).toEqual({ ok: 'done a' });
      expect(await settle(pool.run('ask'))).toEqual({ ok: 42 });
      expect(await settle(pool.run('throw'))).toEqual({ error: 'bad message' });
      expect(await settle(pool.run('die'))).toEqual({ error: 'worker stopped (exit 3)' });
      expect(await settle(pool.run('b'))).toEqual({ ok: 'done b' });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('fails every task when the task module cannot load, without restarting workers forever', async () => {
    const pool = new WorkerPool({ module: broken, jobs: 2, init: {} });
    try {
      expect(await settle(pool.run('a'))).toEqual({ error: expect.stringMatching(/cannot load/) });
      await new Promise((r) => setTimeout(r, 300));
      expect(await settle(pool.run('b'))).toEqual({ error: expect.stringMatching(/worker could not start: .*cannot load/) });
    } finally {
      await pool.close();
    }
  }, 60_000);
});
