// ocr-image: milliseconds to read one A4 page picture (150 dpi, 1240x1754, a lure with a random number) in the
// CLI's OCR thread: cold (thread start and model load included) and warm (the thread already running).
import { performance } from 'node:perf_hooks';
import type { BenchResult } from '../types.ts';
import { OcrThread } from '../../cli/ocr/ocr-runner.ts';
import { drawLure, randomUsNumber } from '../../test/ocr/support/lure-images.ts';

const WARM_RUNS = 3;

export default async function ocrImage(): Promise<BenchResult[]> {
  const page = () => new Uint8Array(drawLure(randomUsNumber(), { width: 1240, height: 1754, fontPx: 24 }).toBuffer('image/png'));
  const thread = new OcrThread(120_000);
  try {
    let start = performance.now();
    const first = await thread.recognise({ name: 'page.png', kind: 'png', bytes: page(), maxPages: 0 });
    const cold = performance.now() - start;
    if (!/call our billing/i.test(first.text)) throw new Error(`ocr-image: the page was not read: ${first.text.slice(0, 200)}`);
    let warm = 0;
    for (let i = 0; i < WARM_RUNS; i++) {
      const bytes = page();
      start = performance.now();
      await thread.recognise({ name: 'page.png', kind: 'png', bytes, maxPages: 0 });
      warm += performance.now() - start;
    }
    warm /= WARM_RUNS;
    return [
      { name: 'ocr-image-cold', unit: 'ms/page', value: cold, baseline: null, ratio: null, note: 'A4 at 150 dpi, thread start and model load included' },
      { name: 'ocr-image-warm', unit: 'ms/page', value: warm, baseline: null, ratio: null, note: `A4 at 150 dpi, mean of ${WARM_RUNS}` },
    ];
  } finally {
    await thread.close();
  }
}
