// scan-mbox: messages per second of `ringfence scan --json` over one mbox built from repeats of
// ../shared/corpus, with --jobs 1 and --jobs 2, and the peak resident memory of that process (its threads
// included), beside the naive scanner reading the same messages on one thread in the same run.
// RINGFENCE_BENCH_MBOX_MB sets the mbox size (default 100; the 1 GB figure: RINGFENCE_BENCH_MBOX_MB=1024).
// OCR is off (--no-ocr) as in scan-corpus, since the naive scanner reads no pictures; RINGFENCE_BENCH_MBOX_OCR=1 turns it on.
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { BenchResult } from '../types.ts';
import { naiveScan } from '../naive-scan.ts';
import { splitMbox } from '../../cli/input/split-mbox.ts';
import { CORPUS_DIR, readManifest } from '../../test/support/corpus.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TARGET_MB = Number(process.env.RINGFENCE_BENCH_MBOX_MB ?? 100);
const OCR = process.env.RINGFENCE_BENCH_MBOX_OCR === '1';

export default async function scanMbox(): Promise<BenchResult[]> {
  if (!existsSync(CORPUS_DIR)) {
    console.warn('scan-mbox skipped: ../shared/corpus is absent');
    return [];
  }
  const dir = await mkdtemp(join(tmpdir(), 'ringfence-bench-mbox-'));
  try {
    const mbox = join(dir, 'corpus.mbox');
    const { messages, bytes } = await buildMbox(mbox, TARGET_MB * 1024 * 1024);
    const size = `${messages} messages, ${(bytes / 1048576).toFixed(0)} MB mbox`;

    // Rates depend on what else the 2 cores run: each row says the 1-minute load average when its run began.
    const load = () => `load ${loadavg()[0]!.toFixed(1)}`;
    const rows: BenchResult[] = [];
    const naiveLoad = load();
    const naive = await naiveRate(mbox, messages);
    rows.push({ name: 'scan-mbox-naive-cpu', unit: 'ms/msg', value: naive.cpuMs, baseline: null, ratio: null, note: `CPU time per message of the naive scanner (${naive.rate.toFixed(0)} msg/s, ${naiveLoad})` });
    for (const jobs of [1, 2]) {
      const runLoad = load();
      const run = await scanRun(mbox, jobs, dir);
      if (run.lines !== messages) throw new Error(`scan --jobs ${jobs} printed ${run.lines} lines for ${messages} messages`);
      const rate = messages / run.seconds;
      rows.push({
        name: `scan-mbox-jobs${jobs}`,
        unit: 'msg/s',
        value: rate,
        baseline: naive.rate,
        ratio: rate / naive.rate,
        baselineName: 'naive postal-mime + findPhoneNumbersInText, one thread',
        note: `${size}, whole process incl. start-up and PDF text${OCR ? ', OCR where called for' : ', --no-ocr'}, ${runLoad}`,
      });
      rows.push({ name: `scan-mbox-jobs${jobs}-rss`, unit: 'MB', value: run.maxRssMb, baseline: null, ratio: null, note: 'peak resident memory of the scan process (all threads); aim < 600' });
      // CPU time does not depend on what else the machine runs: the fair comparison on a shared box.
      rows.push({ name: `scan-mbox-jobs${jobs}-cpu`, unit: 'ms/msg', value: run.cpuMs / messages, baseline: naive.cpuMs, ratio: naive.cpuMs / (run.cpuMs / messages), baselineName: 'naive, CPU per message', note: 'CPU time (user + system, all threads, start-up included) per message' });
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Appends corpus messages, each behind a From line with its own From lines quoted (mboxrd), until the size is reached. */
async function buildMbox(path: string, target: number): Promise<{ messages: number; bytes: number }> {
  const files = readManifest().map((e) => e.path);
  const out = createWriteStream(path);
  let bytes = 0;
  let messages = 0;
  for (let round = 0; bytes < target; round++) {
    for (const file of files) {
      const raw = (await readFile(file)).toString('latin1').replace(/^(>*From )/gm, '>$1');
      const chunk = Buffer.from(`From bench@example.net Mon Mar  2 10:00:00 2026\n${raw}${raw.endsWith('\n') ? '' : '\n'}\n`, 'latin1');
      if (!out.write(chunk)) await once(out, 'drain');
      bytes += chunk.length;
      messages++;
      if (bytes >= target) break;
    }
    if (round > 10_000) break;
  }
  out.end();
  await once(out, 'finish');
  return { messages, bytes };
}

async function naiveRate(mbox: string, expected: number): Promise<{ rate: number; cpuMs: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let count = 0;
  for await (const message of splitMbox(mbox, createReadStream(mbox, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>)) {
    count++;
    if (message.error === undefined) await naiveScan(message.bytes).catch(() => undefined);
  }
  if (count !== expected) throw new Error(`naive read ${count} of ${expected} messages`);
  const used = process.cpuUsage(cpu);
  return { rate: count / ((performance.now() - start) / 1000), cpuMs: (used.user + used.system) / 1000 / count };
}

/** Runs the real binary under /usr/bin/time for its peak RSS; counts output lines without keeping them. */
async function scanRun(mbox: string, jobs: number, dir: string): Promise<{ seconds: number; lines: number; maxRssMb: number; cpuMs: number }> {
  const timeFile = join(dir, `time-${jobs}.txt`);
  const start = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, 'node', join(root, 'bin/ringfence.js'), 'scan', '--json', ...(OCR ? [] : ['--no-ocr']), '--jobs', String(jobs), mbox], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let lines = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  });
  const [code] = (await once(child, 'close')) as [number];
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0 && code !== 1) throw new Error(`scan --jobs ${jobs} exited ${code}`);
  const [maxRssKb = NaN, user = NaN, system = NaN] = ((await readFile(timeFile, 'utf8')).trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { seconds, lines, maxRssMb: maxRssKb / 1024, cpuMs: (user + system) * 1000 };
}
