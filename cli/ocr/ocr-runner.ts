// The CLI's recogniser: one worker thread (cli/ocr/ocr-thread.mjs), started the first time a message calls
// for OCR, reused, and replaced after a timeout or crash.
import { Worker } from 'node:worker_threads';
import type { OcrRecogniser, OcrRequest, OcrResult } from '../../shared/mime/attachment-text.ts';
import { OCR_LIMITS } from '../../shared/ocr/ocr-limits.ts';
import { ocrAssets } from './ocr-assets.ts';

// Heap of the OCR thread; a decompression bomb ends the thread, not the scan.
const WORKER_HEAP_MB = 1024;
/** Time allowed for one picture or PDF (the first one also loads the model). */
const DEFAULT_TIMEOUT_MS = 25_000;

interface Reply {
  id: number;
  result?: OcrResult;
  error?: string;
}

interface Waiter {
  worker: Worker;
  resolve: (result: OcrResult) => void;
  reject: (error: Error) => void;
}

export class OcrThread {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, Waiter>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly timeoutMs = DEFAULT_TIMEOUT_MS) {}

  /** One request at a time: a slow picture cannot make the next one time out. */
  recognise(request: OcrRequest): Promise<OcrResult> {
    const run = this.queue.then(() => this.send(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Ends the thread (and the recogniser inside it); the next request starts a fresh one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(new URL('./ocr-thread.mjs', import.meta.url), {
      workerData: { ...ocrAssets(), limits: OCR_LIMITS },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      stdout: true,
      stderr: true,
    });
    worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.error !== undefined) waiter.reject(new Error(`OCR failed: ${reply.error}`));
      else waiter.resolve(reply.result ?? { text: '', pages: 0 });
      if (this.pending.size === 0) worker.unref(); // an idle thread must not keep the process alive
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, waiter] of this.pending) {
        if (waiter.worker !== worker) continue;
        this.pending.delete(id);
        waiter.reject(new Error(`OCR failed: ${error.message}`));
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`OCR thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private send(request: OcrRequest): Promise<OcrResult> {
    const worker = this.worker ?? this.start();
    worker.ref();
    const id = ++this.nextId;
    const bytes = request.bytes.slice(); // a copy is handed over; the message keeps its bytes
    return new Promise<OcrResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`OCR took longer than ${this.timeoutMs} ms`));
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
      }, this.timeoutMs);
      const settle = <T>(fn: (value: T) => void) => (value: T) => {
        clearTimeout(timer);
        fn(value);
      };
      this.pending.set(id, { worker, resolve: settle(resolve), reject: settle(reject) });
      worker.postMessage({ id, kind: request.kind, bytes, maxPages: request.maxPages }, [bytes.buffer]);
    });
  }
}

let shared: OcrThread | null = null;

/** The process-wide recogniser for fillOcrText. */
export const cliRecogniser: OcrRecogniser = (request) => {
  shared ??= new OcrThread();
  return shared.recognise(request);
};
