// Text layer of PDF attachments in the task pane, with pdfjs loaded only when a message has a PDF.
// pdfjs runs its worker code on the pane's thread (it looks for globalThis.pdfjsWorker first), so no worker
// file has to be hosted; pages and time are bounded.
import type { Attachment } from '../../shared/types.ts';

type PdfJs = typeof import('pdfjs-dist');

const MAX_PAGES = 20;
const TIMEOUT_MS = 10_000;

let loading: Promise<PdfJs> | null = null;
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    // @ts-expect-error pdfjs-dist ships no type declarations for its worker module
    const worker: unknown = await import('pdfjs-dist/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist');
  })();
  return loading;
}

interface TextItem {
  str: string;
  hasEOL?: boolean;
}

/** An extractor for fillAttachmentText. Throws for an unreadable PDF or on timeout (fillAttachmentText swallows it). */
export async function pdfAttachmentText(attachment: Attachment): Promise<string | undefined> {
  if (!attachment.content) return undefined;
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: attachment.content.slice(), // pdfjs may detach the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`PDF text extraction took longer than ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
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
      page.cleanup();
    }
    return pages.join('\n\n').trim();
  })();
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}
