// Loaded with `node --expose-gc --import` into a CLI child by the bounded-memory test: every 100 ms it
// collects garbage and notes the main thread's live heap; at exit it writes the peak live heap and the
// process's peak resident memory (all threads) as JSON to $RINGFENCE_HEAP_OUT.
import { writeFileSync } from 'node:fs';

let peakHeap = 0;
const sample = () => {
  globalThis.gc?.();
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
setInterval(sample, 100).unref();
process.on('exit', () => {
  sample();
  writeFileSync(process.env.RINGFENCE_HEAP_OUT, JSON.stringify({ peakHeap, maxRss: process.resourceUsage().maxRSS * 1024 }));
});
