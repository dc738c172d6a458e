// The extension's OCR document: Chrome's offscreen document (the service worker has no DOM and cannot start
// workers), loaded in an iframe of the background page in Firefox. tesseract.js runs in a web worker started
// from here; its worker, core and model are the extension's own files under ocr/.
import browser from 'webextension-polyfill';
import { BrowserOcrEngine } from '../../shared/browser/ocr-engine.ts';
import { fromBase64, OCR_TARGET, type OcrPageAnswer, type OcrPageRequest } from './ocr-protocol.ts';

const at = (path: string) => browser.runtime.getURL(`ocr/${path}`);
const newEngine = () => new BrowserOcrEngine({ workerPath: at('worker.min.js'), coreDir: at('core/'), langPath: at('lang') });
let engine = newEngine();
let queue: Promise<unknown> = Promise.resolve();
/** Time for one picture or PDF; a recogniser that never answers is replaced, so the next one is read. */
const JOB_TIMEOUT_MS = 30_000;

function withinTime<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`OCR took longer than ${JOB_TIMEOUT_MS} ms`)), JOB_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

browser.runtime.onMessage.addListener((message: unknown) => {
  const request = message as Partial<OcrPageRequest> | undefined;
  // Every other message (content scripts, options page) is the background's to answer.
  if (request?.target !== OCR_TARGET) return undefined;
  if (request.type === 'ping') return Promise.resolve({ ok: true, result: { text: '', pages: 0 } });
  if (request.type === 'warm') {
    engine.warm();
    return Promise.resolve({ ok: true, result: { text: '', pages: 0 } });
  }
  const job = request.request;
  if (!job) return Promise.resolve({ ok: false, error: 'no picture' });
  // One picture at a time, in arrival order.
  const run = queue.then(async (): Promise<OcrPageAnswer> => {
    try {
      const result = await withinTime(engine.recognise({ name: job.name, kind: job.kind, bytes: fromBase64(job.base64), maxPages: job.maxPages }));
      return { ok: true, result };
    } catch (error) {
      void engine.terminate().catch(() => {});
      engine = newEngine();
      return { ok: false, error: (error as Error).message ?? String(error) };
    }
  });
  queue = run;
  return run;
});
