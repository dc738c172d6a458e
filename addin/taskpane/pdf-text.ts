// Text layer of PDF attachments in the task pane. pdfjs parses in a real worker, bundled by vite into the
// add-in's own assets (no CDN), one worker per PDF: a hostile PDF that spins or hangs is cut off after
// the time cap (TIMEOUT_MS) by terminating its worker, and the pane's thread never runs the parser. Pages are bounded too.
import type { Attachment } from '../../shared/types.ts';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.mjs?worker&url';

type PdfJs = typeof import('pdfjs-dist');

const MAX_PAGES = 20;
const TIMEOUT_MS = 10_000;

let loading: Promise<PdfJs> | null = null;
const loadPdfJs = (): Promise<PdfJs> => (loading ??= import('pdfjs-dist'));

interface TextItem {
  str: string;
  hasEOL?: boolean;
}

/** An extractor for fillAttachmentText. Throws for an unreadable PDF or on timeout (fillAttachmentText swallows it). */
export async function pdfAttachmentText(attachment: Attachment, options: { timeoutMs?: number } = {}): Promise<string | undefined> {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  if (!attachment.content) return undefined;
  const pdfjs = await loadPdfJs();
  // Our own worker handed over as a port: pdfjs then never falls back to parsing on the pane's thread.
  const worker = new Worker(pdfWorkerUrl, { type: 'module', name: 'ringfence-pdf' });
  const pdfWorker = pdfjs.PDFWorker.create({ port: worker });
  const task = pdfjs.getDocument({
    data: attachment.content.slice(), // pdfjs may detach the buffer it is given
    worker: pdfWorker,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`PDF text extraction took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  const work = (async () => {
    const document = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(document.numPages, MAX_PAGES); n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        (content.items as TextItem[])
          .filter((item) => typeof item.str === 'string')
          .map((item) => item.str + (item.hasEOL ? '\n' : ''))
          .join(''),
      );
    }
    return pages.join('\n\n').trim();
  })();
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    // Not awaited: a worker stuck in a hostile PDF never answers pdfjs's "Terminate"; terminate() ends it.
    task.destroy().catch(() => undefined);
    pdfWorker.destroy();
    worker.terminate();
  }
}
