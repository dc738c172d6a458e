// scan-corpus: messages per second through the whole pipeline (parse, PDF text, extract, judge) over
// ../shared/corpus, beside the naive scanner on the same files in the same run.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { BenchResult } from '../types.ts';
import { readMessage } from '../../cli/read-message.ts';
import { scan } from '../../shared/scan.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { naiveScan } from '../naive-scan.ts';
import { CORPUS_DIR, readManifest } from '../../test/support/corpus.ts';

export default async function scanCorpus(): Promise<BenchResult[]> {
  if (!existsSync(CORPUS_DIR)) {
    console.warn('scan-corpus skipped: ../shared/corpus is absent');
    return [];
  }
  const files = readManifest().map((e) => e.path);
  const policy = mergePolicy({ useBundledFeed: false }, undefined);
  const now = new Date();

  for (const file of files.slice(0, 20)) await scan(await readMessage(file), { policy, now }); // warm up

  let start = performance.now();
  for (const file of files) await scan(await readMessage(file), { policy, now });
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
    note: `${files.length} messages, incl. PDF text extraction`,
  }];
}
