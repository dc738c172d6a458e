// cluster-1m: `ringfence cluster --json` over a synthetic mbox of a million small messages (lures from a few
// DID blocks, signature numbers from a large pool of distinct numbers, messages without numbers), built in a
// temporary folder and deleted after: its rate and peak resident memory (all threads, /usr/bin/time), beside
// a one-thread baseline in the same run (mbox split + postal-mime + findPhoneNumbersInText + a Map of numbers).
// RINGFENCE_BENCH_CLUSTER_MESSAGES (default 1000000) and RINGFENCE_BENCH_CLUSTER_NUMBERS (distinct signature
// numbers, default 200000) set the size; RINGFENCE_BENCH_CLUSTER_JOBS the pool size (default 2).
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { BenchResult } from '../types.ts';
import { writeSyntheticMbox } from '../../test/cluster/synthetic-mbox.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MESSAGES = Number(process.env.RINGFENCE_BENCH_CLUSTER_MESSAGES ?? 1_000_000);
const NUMBERS = Number(process.env.RINGFENCE_BENCH_CLUSTER_NUMBERS ?? 200_000);
const JOBS = Number(process.env.RINGFENCE_BENCH_CLUSTER_JOBS ?? 2);

interface ChildRun {
  seconds: number;
  maxRssMb: number;
  cpuMs: number;
  /** The first 4 KB of standard output (the counts; the rest goes to a file that is deleted). */
  head: string;
}

export default async function cluster1m(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ringfence-bench-cluster-'));
  try {
    const mbox = join(dir, 'synthetic.mbox');
    const built = performance.now();
    const bytes = await writeSyntheticMbox(mbox, { messages: MESSAGES, distinctNumbers: NUMBERS });
    const size = `${MESSAGES} messages, ${(bytes / 1048576).toFixed(0)} MB mbox built in ${((performance.now() - built) / 1000).toFixed(0)} s, ${NUMBERS} distinct signature numbers`;

    const baseline = await timedChild(['node', join(root, 'bin/run-ts.js'), join(root, 'bench/naive-cluster.ts'), mbox], dir, 'naive');
    const naive = JSON.parse(baseline.head) as { messages: number; numbers: number };
    if (naive.messages !== MESSAGES) throw new Error(`baseline read ${naive.messages} of ${MESSAGES} messages`);
    const run = await timedChild(['node', join(root, 'bin/ringfence.js'), 'cluster', '--json', '--jobs', String(JOBS), mbox], dir, 'cluster');
    const messages = Number(/"messages": (\d+)/.exec(run.head)?.[1]);
    const numbers = Number(/"numbers": (\d+)/.exec(run.head)?.[1]);
    if (messages !== MESSAGES) throw new Error(`cluster read ${messages} of ${MESSAGES} messages`);
    if (numbers !== naive.numbers) throw new Error(`cluster found ${numbers} distinct numbers, the baseline ${naive.numbers}`);

    const rate = MESSAGES / run.seconds;
    const naiveRate = MESSAGES / baseline.seconds;
    return [
      { name: 'cluster-1m', unit: 'msg/s', value: rate, baseline: naiveRate, ratio: rate / naiveRate, baselineName: 'mbox split + postal-mime + findPhoneNumbersInText + Map, one thread', note: `${size}, --jobs ${JOBS}, ${numbers} numbers clustered` },
      { name: 'cluster-1m-rss', unit: 'MB', value: run.maxRssMb, baseline: baseline.maxRssMb, ratio: null, baselineName: 'baseline peak RSS', note: 'peak resident memory of the cluster process (all threads)' },
      { name: 'cluster-1m-cpu', unit: 'ms/msg', value: run.cpuMs / MESSAGES, baseline: baseline.cpuMs / MESSAGES, ratio: baseline.cpuMs / run.cpuMs, baselineName: 'baseline, CPU per message', note: 'CPU time (user + system, all threads, start-up included) per message; cluster also finds brands and reads PDFs' },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a command under /usr/bin/time for its peak RSS and CPU; standard output goes to a file, its head is kept. */
async function timedChild(command: string[], dir: string, name: string): Promise<ChildRun> {
  const timeFile = join(dir, `${name}.time`);
  const outFile = join(dir, `${name}.out`);
  const out = await open(outFile, 'w');
  const start = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, ...command], { cwd: root, stdio: ['ignore', out.fd, 'ignore'] });
  const [code] = (await once(child, 'close')) as [number];
  const seconds = (performance.now() - start) / 1000;
  await out.close();
  if (code !== 0) throw new Error(`${name} exited ${code}`);
  const [maxRssKb = NaN, user = NaN, system = NaN] = ((await readFile(timeFile, 'utf8')).trim().split('\n').pop() ?? '').split(' ').map(Number);
  let head = '';
  for await (const chunk of createReadStream(outFile, { start: 0, end: 4095, encoding: 'utf8' })) head += chunk;
  return { seconds, maxRssMb: maxRssKb / 1024, cpuMs: (user + system) * 1000, head };
}
