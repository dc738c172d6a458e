// `ringfence cluster` keeps aggregates per number, never per message: the main thread's live heap stays the
// same whether it reads SMALL or LARGE messages (RINGFENCE_TEST_CLUSTER_SMALL / _LARGE, default 2k and 12k),
// and the campaigns it prints are those the synthetic mbox was built with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedScamBlocks, writeSyntheticMbox } from './synthetic-mbox.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SMALL = Number(process.env.RINGFENCE_TEST_CLUSTER_SMALL ?? 2_000);
const LARGE = Number(process.env.RINGFENCE_TEST_CLUSTER_LARGE ?? 12_000);
const DISTINCT = 100;
/** Live heap the larger run may add: lists capped per campaign grow a little until full; a kept record per message is ~400 B. */
const HEAP_GROWTH_LIMIT = 1.5 * 1024 * 1024;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringfence-cluster-memory-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Campaign { id: string; messages: number; files: string[]; numbers: { e164: string; messages: number }[]; sharedBlocks: string[]; brands: string[]; capped?: string[] }
interface Run { output: { messages: number; withoutNumbers: number; numbers: number; campaigns: Campaign[]; errors: unknown[] }; peakHeap: number; maxRss: number }

async function cluster(messages: number): Promise<Run> {
  const mbox = join(dir, `${messages}.mbox`);
  await writeSyntheticMbox(mbox, { messages, distinctNumbers: DISTINCT });
  const heapOut = join(dir, `${messages}.heap.json`);
  const child = spawn(process.execPath, ['--expose-gc', '--import', join(root, 'test/cluster/heap-sampler.mjs'), join(root, 'bin/ringfence.js'), 'cluster', '--json', '--jobs', '2', mbox], {
    cwd: root,
    env: { ...process.env, RINGFENCE_HEAP_OUT: heapOut },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number];
  expect(code, stderr).toBe(0);
  const { peakHeap, maxRss } = JSON.parse(await readFile(heapOut, 'utf8')) as { peakHeap: number; maxRss: number };
  return { output: JSON.parse(Buffer.concat(chunks).toString('utf8')), peakHeap, maxRss };
}

function expectRightCampaigns(run: Run, messages: number): void {
  const { output } = run;
  expect(output).toMatchObject({ messages, withoutNumbers: messages - Math.ceil(messages / 10) - countSignatures(messages), errors: [] });
  const scam = expectedScamBlocks(messages).sort((a, b) => b.messages - a.messages || b.numbers - a.numbers);
  expect(output.campaigns).toHaveLength(scam.length + DISTINCT);
  scam.forEach((expected, i) => {
    const campaign = output.campaigns[i]!;
    expect(campaign.messages).toBe(expected.messages);
    expect(campaign.numbers).toHaveLength(expected.numbers);
    expect(campaign.sharedBlocks).toEqual([expected.block]);
    expect(campaign.numbers.reduce((sum, n) => sum + n.messages, 0)).toBe(expected.messages);
    expect(campaign.files.length).toBe(Math.min(20, expected.messages));
    if (expected.messages > 20) expect(campaign.capped).toContain('files');
    expect(campaign.files[0]).toMatch(/#\d+$/);
  });
  const signatures = output.campaigns.slice(scam.length);
  expect(signatures.every((c) => c.numbers.length === 1 && c.brands.length === 0)).toBe(true);
  expect(signatures.reduce((sum, c) => sum + c.messages, 0)).toBe(countSignatures(messages));
  expect(output.numbers).toBe(DISTINCT + scam.reduce((sum, s) => sum + s.numbers, 0));
}

function countSignatures(messages: number): number {
  let count = 0;
  for (let i = 0; i < messages; i++) if (i % 10 >= 1 && i % 10 <= 6) count++;
  return count;
}

describe('ringfence cluster in bounded memory', () => {
  it(`keeps the same live heap for ${LARGE} messages as for ${SMALL}, with the right campaigns`, async () => {
    const small = await cluster(SMALL);
    const large = await cluster(LARGE);
    expectRightCampaigns(small, SMALL);
    expectRightCampaigns(large, LARGE);
    const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
    console.log(`cluster main-thread live heap: ${mb(small.peakHeap)} for ${SMALL} messages, ${mb(large.peakHeap)} for ${LARGE}; peak RSS ${mb(small.maxRss)} / ${mb(large.maxRss)}`);
    expect(large.peakHeap - small.peakHeap).toBeLessThan(HEAP_GROWTH_LIMIT);
    // The whole process (workers included) grows by no more than noise either.
    expect(large.maxRss - small.maxRss).toBeLessThan(64 * 1024 * 1024);
  }, 600_000);
});
