// The pane's recogniser: one OCR web worker (ocr-worker.ts), started the first time a message calls for OCR
// and ended after a timeout (a hostile picture cannot hang the pane).
import type { OcrRecogniser, OcrRequest, OcrResult } from '../../shared/mime/attachment-text.ts';
import type { OcrAssetUrls } from '../../shared/browser/ocr-engine.ts';

/** Time allowed for one picture or PDF (the first one also loads the model). */
const TIMEOUT_MS = 30_000;

/** The OCR files build/addin.config.ts copies into dist/addin/ocr/, beside taskpane.html. */
export function addinOcrAssets(base = document.baseURI): OcrAssetUrls {
  const at = (path: string) => new URL(`ocr/${path}`, base).href;
  return { workerPath: at('worker.min.js'), coreDir: at('core/'), langPath: at('lang') };
}

interface Reply {
  id: number;
  result?: OcrResult;
  error?: string;
}

let worker: Worker | null = null;
let nextId = 0;
let queue: Promise<unknown> = Promise.resolve();
const waiting = new Map<number, { resolve: (r: OcrResult) => void; reject: (e: Error) => void }>();

function start(): Worker {
  const started = new Worker(new URL('./ocr-worker.ts', import.meta.url), { type: 'module', name: 'ringfence-ocr' });
  started.onmessage = (event: MessageEvent<Reply>) => {
    const waiter = waiting.get(event.data.id);
    if (!waiter) return;
    waiting.delete(event.data.id);
    if (event.data.error !== undefined) waiter.reject(new Error(`OCR failed: ${event.data.error}`));
    else waiter.resolve(event.data.result ?? { text: '', pages: 0 });
  };
  started.onerror = (event) => {
    event.preventDefault();
    stop(new Error(`OCR worker failed: ${event.message}`));
  };
  return started;
}

function stop(error: Error): void {
  worker?.terminate();
  worker = null;
  for (const waiter of waiting.values()) waiter.reject(error);
  waiting.clear();
}

function send(request: OcrRequest, assets: OcrAssetUrls): Promise<OcrResult> {
  worker ??= start();
  const id = ++nextId;
  return new Promise<OcrResult>((resolve, reject) => {
    const timer = setTimeout(() => stop(new Error(`OCR took longer than ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    waiting.set(id, {
      resolve: (r) => (clearTimeout(timer), resolve(r)),
      reject: (e) => (clearTimeout(timer), reject(e)),
    });
    worker!.postMessage({ id, assets, request: { ...request, bytes: request.bytes.slice() } });
  });
}

/** One request at a time, so a slow picture cannot make the next one time out. */
export const paneRecogniser: OcrRecogniser = (request) => {
  const run = queue.then(() => send(request, addinOcrAssets()));
  queue = run.catch(() => undefined);
  return run;
};
