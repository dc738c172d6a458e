// ocr-corpus: how many corpus messages OCR ran on and how long it took, and the whole pipeline's rate with
// OCR on beside the same run with OCR off (the scan-corpus path).
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { BenchResult } from '../types.ts';
import { readMessage } from '../../cli/read-message.ts';
import { scan } from '../../shared/scan.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { CORPUS_DIR, readManifest } from '../../test/support/corpus.ts';

export default async function ocrCorpus(): Promise<BenchResult[]> {
  if (!existsSync(CORPUS_DIR)) {
    console.warn('ocr-corpus skipped: ../shared/corpus is absent');
    return [];
  }
  const files = readManifest().map((e) => e.path);
  const policy = mergePolicy({ useBundledFeed: false }, undefined);
  const now = new Date();

  for (const file of files.slice(0, 20)) await scan(await readMessage(file), { policy, now }); // warm up, as scan-corpus does

  let start = performance.now();
  for (const file of files) await scan(await readMessage(file), { policy, now });
  const off = files.length / ((performance.now() - start) / 1000);

  let ran = 0;
  let ocrMs = 0;
  let read = 0;
  const perMessage: string[] = [];
  start = performance.now();
  for (const file of files) {
    const message = await readMessage(file, {
      ocr: {},
      onOcr: (outcome) => {
        if (!outcome.trigger) return;
        ran++;
        ocrMs += outcome.ms;
        perMessage.push(`${file.split('/').slice(-2).join('/')} ${outcome.trigger} ${outcome.ms} ms`);
        read += outcome.read.length;
      },
    });
    await scan(message, { policy, now });
  }
  const on = files.length / ((performance.now() - start) / 1000);

  return [
    { name: 'ocr-corpus-messages', unit: 'messages', value: ran, baseline: files.length, ratio: null, baselineName: 'corpus messages', note: `${read} attachments read: ${perMessage.join('; ')}` },
    { name: 'ocr-corpus-time', unit: 'ms', value: ocrMs, baseline: null, ratio: null, note: 'total OCR time over the corpus (first includes model load)' },
    { name: 'ocr-corpus-rate', unit: 'msg/s', value: on, baseline: off, ratio: on / off, baselineName: 'same run, OCR off' },
  ];
}
