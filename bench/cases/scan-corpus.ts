// scan-corpus: messages per second through the whole pipeline (parse, PDF text, extract, judge) over
// ../shared/corpus, beside the naive scanner on the same files in the same run. Messages are judged as a pool
// worker judges them: on one thread, a few in flight, so that thread parses the next message while a PDF is
// read in the PDF thread instead of waiting for it.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { BenchResult } from '../types.ts';
import { readMessage } from '../../cli/read-message.ts';
import { scan } from '../../shared/scan.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { naiveScan } from '../naive-scan.ts';
import { orderedMap } from '../../cli/pool/ordered-map.ts';
import { IN_FLIGHT_PER_WORKER } from '../../cli/run-messages.ts';
import { CORPUS_DIR, readManifest } from '../../test/support/corpus.ts';

export default async function scanCorpus(): Promise<BenchResult[]> {
  if (!existsSync(CORPUS_DIR)) {
    console.warn('scan-corpus skipped: ../shared/corpus is absent');
    return [];
  }
  const files = readManifest().map((e) => e.path);
  const policy = mergePolicy({ useBundledFeed: false }, undefined);
  const now = new Date();

  const judge = async (file: string) => scan(await readMessage(file), { policy, now });
  const judgeAll = async (list: string[]) => {
    for await (const verdict of orderedMap(asAsync(list), IN_FLIGHT_PER_WORKER, judge)) void verdict;
  };

  await judgeAll(files.slice(0, 20)); // warm up

  let start = performance.now();
  await judgeAll(files);
  const ours = files.length / ((performance.now() - start) / 1000);

  start = performance.now();
  for (const file of files) await naiveScan(new Uint8Array(await readFile(file)));
  const naive = files.length / ((performance.now() - start) / 1000);

  return [{
    name: 'scan-corpus',
    unit: 'msg/s',
    value: ours,
    baseline: naive,
    ratio: ours / naive,
    baselineName: 'naive postal-mime + findPhoneNumbersInText',
    note: `${files.length} messages, incl. PDF text extraction, ${IN_FLIGHT_PER_WORKER} in flight on one thread`,
  }];
}

async function* asAsync<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}
