// Text layer of PDF attachments, with pdfjs-dist (legacy build, for Node) on the main thread.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Attachment } from '../shared/types.ts';

export interface PdfTextOptions {
  /** Pages read from the start of the document (default 20). */
  maxPages?: number;
  /** Time allowed for the whole document (default 10 s); then extraction is abandoned with an Error. */
  timeoutMs?: number;
}

const DEFAULT_MAX_PAGES = 20;
const DEFAULT_TIMEOUT_MS = 10_000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | null = null;

/**
 * Loads pdfjs once. The worker code runs in this thread: pdfjs looks for `globalThis.pdfjsWorker`
 * before it tries to start or import a worker file, so no worker path has to resolve (in Node, under tsx,
 * or in a bundle).
 */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    // The worker build ships no type declarations; only its WorkerMessageHandler export is used, by pdfjs.
    const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    const worker: unknown = await import(workerModule);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

/** Local folders of pdfjs's character maps and standard fonts, read from disk, never fetched. */
function dataFolders(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && typeof (item as TextItem).str === 'string' && Array.isArray((item as TextItem).transform);
}

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
        const spaced = /\s$/.test(text) || /^\s/.test(item.str);
        if (previous && !spaced && gap > Math.min(previous.size, item.size) * 0.2) text += ' ';
        text += item.str;
        previous = item;
      }
      return text.replace(/[ \t]+/g, ' ').trim();
    })
    .filter((line) => line !== '')
    .join('\n');
}

/** Extracts the text layer of a PDF. Throws an Error for a corrupt or unreadable PDF, or on timeout. */
export async function extractPdfText(bytes: Uint8Array, options: PdfTextOptions = {}): Promise<string> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdfjs may take over (detach) the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...dataFolders(),
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`PDF text extraction took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  const work = (async () => {
    let document;
    try {
      document = await task.promise;
    } catch (error) {
      throw new Error(`Not a readable PDF: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const pages: string[] = [];
    const last = Math.min(document.numPages, maxPages);
    for (let n = 1; n <= last; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const item of content.items) if (isTextItem(item)) items.push(item);
      pages.push(itemsToLines(items));
      page.cleanup();
    }
    return pages.filter(Boolean).join('\n\n');
  })();
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

/** An extractor for fillAttachmentText: the PDF's text, or undefined when it has no content bytes. */
export async function pdfTextExtractor(attachment: Attachment): Promise<string | undefined> {
  if (!attachment.content) return undefined;
  return extractPdfText(attachment.content);
}
