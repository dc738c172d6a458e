// Text layer of PDF attachments, with pdfjs-dist (legacy build, for Node) in a worker thread: a PDF that
// makes pdfjs loop or eat memory is stopped by terminating the thread, never by hoping it yields.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Attachment } from '../shared/types.ts';

export interface PdfTextOptions {
  /** Pages read from the start of the document (default 20). */
  maxPages?: number;
  /** Time allowed for the whole document (default 10 s); then extraction is abandoned with an Error. */
  timeoutMs?: number;
}

const DEFAULT_MAX_PAGES = 20;
const DEFAULT_TIMEOUT_MS = 10_000;
// Heap of the extraction thread; a decompression bomb ends the thread, not the scan.
const WORKER_HEAP_MB = 512;

export interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Where the worker loads pdfjs and its local data from (files on disk: nothing is fetched). */
function pdfjsLocations() {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    main: pathToFileURL(join(root, 'legacy/build/pdf.mjs')).href,
    worker: pathToFileURL(join(root, 'legacy/build/pdf.worker.mjs')).href,
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
  };
}

// Plain JavaScript run with `eval`, so the thread needs no TypeScript loader. pdfjs's worker code runs in
// this thread too: it looks for `globalThis.pdfjsWorker` before trying to start a worker of its own.
// Verbosity 0 (errors only) keeps pdfjs warnings off the console; eval is off; fonts are not loaded.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// Nothing pdfjs prints may reach the scanner's output (JSON lines on stdout).
for (const method of ['log', 'info', 'warn', 'error', 'debug']) console[method] = () => {};
let pdfjs;
async function load() {
  if (!pdfjs) {
    globalThis.pdfjsWorker = await import(workerData.worker);
    pdfjs = await import(workerData.main);
  }
  return pdfjs;
}
parentPort.on('message', async ({ id, data, maxPages }) => {
  let task;
  try {
    const lib = await load();
    task = lib.getDocument({
      data: new Uint8Array(data), isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
      useWasm: false, enableXfa: false, stopAtErrors: false, verbosity: 0,
      cMapUrl: workerData.cMapUrl, cMapPacked: true, standardFontDataUrl: workerData.standardFontDataUrl,
    });
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      parentPort.postMessage({ id, error: 'Not a readable PDF: ' + ((error && error.message) || String(error)) });
      return;
    }
    const pages = [];
    const last = Math.min(doc.numPages, maxPages);
    for (let n = 1; n <= last; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.filter((item) => typeof item.str === 'string').map((item) => ({
        str: item.str, transform: item.transform, width: item.width, height: item.height,
      })));
      page.cleanup();
    }
    parentPort.postMessage({ id, pages });
  } catch (error) {
    parentPort.postMessage({ id, error: 'PDF text extraction failed: ' + ((error && error.message) || String(error)) });
  } finally {
    if (task) await task.destroy().catch(() => {});
  }
});
`;

interface Reply {
  id: number;
  pages?: TextItem[][];
  error?: string;
}

/** One extraction thread, started on first use, reused, and replaced after a timeout or crash. */
class PdfWorker {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { worker: Worker; resolve: (pages: TextItem[][]) => void; reject: (error: Error) => void }>();
  private queue: Promise<unknown> = Promise.resolve();

  /** Runs one document at a time: a slow one cannot make the next one time out. */
  extract(bytes: Uint8Array, maxPages: number, timeoutMs: number): Promise<TextItem[][]> {
    const run = this.queue.then(() => this.send(bytes, maxPages, timeoutMs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private start(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: pdfjsLocations(),
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.error !== undefined) waiter.reject(new Error(reply.error));
      else waiter.resolve(reply.pages ?? []);
      this.idle();
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, waiter] of this.pending) {
        if (waiter.worker !== worker) continue;
        this.pending.delete(id);
        waiter.reject(new Error(`PDF text extraction failed: ${error.message}`));
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`extraction thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  /** An idle thread must not keep the process alive. */
  private idle(): void {
    if (this.pending.size === 0) this.worker?.unref();
  }

  private send(bytes: Uint8Array, maxPages: number, timeoutMs: number): Promise<TextItem[][]> {
    const worker = this.worker ?? this.start();
    worker.ref();
    const id = ++this.nextId;
    const data = bytes.slice().buffer; // a copy is handed over; the caller's bytes stay intact
    return new Promise<TextItem[][]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`PDF text extraction took longer than ${timeoutMs} ms`));
        // The only way to stop a stuck parser: end the thread; the next document gets a fresh one.
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
      }, timeoutMs);
      this.pending.set(id, {
        worker,
        resolve: (pages) => {
          clearTimeout(timer);
          resolve(pages);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      worker.postMessage({ id, data, maxPages }, [data]);
    });
  }
}

let shared: PdfWorker | null = null;

/**
 * Joins a page's text items into lines by their baseline, left to right. Items that touch are joined
 * without a space, so a number drawn as several items ("(859) 48", "9-9247") reads as written.
 */
export function itemsToLines(items: readonly TextItem[]): string {
  interface Positioned { x: number; y: number; end: number; size: number; str: string }
  const positioned: Positioned[] = [];
  for (const item of items) {
    if (item.str === '') continue;
    const [, , , d = 0, x = 0, y = 0] = item.transform;
    const size = Math.abs(item.height || d) || 10;
    positioned.push({ x, y, end: x + (item.width || 0), size, str: item.str });
  }
  // Top of the page first (PDF y grows upwards), then left to right; the sort keeps drawing order for ties.
  positioned.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Positioned[][] = [];
  for (const item of positioned) {
    const line = lines[lines.length - 1];
    const first = line?.[0];
    if (line && first && Math.abs(first.y - item.y) <= Math.max(first.size, item.size) * 0.5) line.push(item);
    else lines.push([item]);
  }
  return lines
    .map((line) => {
      line.sort((a, b) => a.x - b.x);
      let text = '';
      let previous: Positioned | undefined;
      for (const item of line) {
        const gap = previous ? item.x - previous.end : 0;
        const spaced = isSpace(text.charCodeAt(text.length - 1)) || isSpace(item.str.charCodeAt(0));
        if (previous && !spaced && gap > Math.min(previous.size, item.size) * 0.2) text += ' ';
        text += item.str;
        previous = item;
      }
      return text.replace(/[ \t]+/g, ' ').trim();
    })
    .filter((line) => line !== '')
    .join('\n');
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/** Extracts the text layer of a PDF. Throws an Error for a corrupt or unreadable PDF, or on timeout. */
export async function extractPdfText(bytes: Uint8Array, options: PdfTextOptions = {}): Promise<string> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  shared ??= new PdfWorker();
  const pages = await shared.extract(bytes, maxPages, timeoutMs);
  return pages
    .map((items) => itemsToLines(items))
    .filter(Boolean)
    .join('\n\n');
}

/** An extractor for fillAttachmentText: the PDF's text, or undefined when it has no content bytes. */
export async function pdfTextExtractor(attachment: Attachment): Promise<string | undefined> {
  if (!attachment.content) return undefined;
  return extractPdfText(attachment.content);
}
