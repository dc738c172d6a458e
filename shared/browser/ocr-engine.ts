// OCR in a browser context without a DOM (the add-in pane's web worker, the extension's offscreen document):
// decodes a picture (createImageBitmap; TIFF with UTIF; HEIC with libheif), or renders the PDF pages that have
// no text layer (pdfjs onto an OffscreenCanvas), scales it to what OCR needs and reads it with tesseract.js.
// Every asset URL points at a file shipped in the built add-in or extension: nothing is fetched from elsewhere.
import type { OcrRequest, OcrResult } from '../mime/attachment-text.ts';
import type { ImageKind } from '../ocr/image-kind.ts';
import { OCR_LIMITS } from '../ocr/ocr-limits.ts';
import { ocrScale } from '../ocr/ocr-scale.ts';

export interface OcrAssetUrls {
  /** tesseract.js's worker script (dist/worker.min.js), copied into the build. */
  workerPath: string;
  /** The folder holding tesseract's core: tesseract-core-simd-lstm.wasm.js and tesseract-core-lstm.wasm.js. */
  coreDir: string;
  /** The folder holding eng.traineddata.gz. */
  langPath: string;
}

type Drawable = ImageBitmap | OffscreenCanvas;
type TesseractWorker = Awaited<ReturnType<typeof import('tesseract.js')['createWorker']>>;

// A page with fewer characters than this in its text layer is a picture of a page.
const PAGE_TEXT_MIN = 20;
const MAX_PDF_PAGES_LOOKED_AT = 20;
const MEDIA_TYPES: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp' };

/** pdfjs's canvases, made as OffscreenCanvas (there is no document here). */
class OffscreenCanvasFactory {
  create(width: number, height: number) {
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
  }
  reset(pair: { canvas: OffscreenCanvas }, width: number, height: number) {
    pair.canvas.width = width;
    pair.canvas.height = height;
  }
  destroy(pair: { canvas: OffscreenCanvas | null; context: unknown }) {
    if (pair.canvas) pair.canvas.width = pair.canvas.height = 0;
    pair.canvas = null;
    pair.context = null;
  }
}

/** SVG filters need a document; OCR does without them. */
class NoFilterFactory {
  addFilter() { return 'none'; }
  addHCMFilter() { return 'none'; }
  addAlphaFilter() { return 'none'; }
  addLuminosityFilter() { return 'none'; }
  addHighlightHCMFilter() { return 'none'; }
  destroy() {}
}

function paper(width: number, height: number): { canvas: OffscreenCanvas; context: OffscreenCanvasRenderingContext2D } {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  return { canvas, context };
}

function fromRgba(width: number, height: number, rgba: Uint8Array | Uint8ClampedArray): OffscreenCanvas {
  if (width * height > OCR_LIMITS.maxSourcePixels) throw new Error(`picture of ${width}x${height} is too large`);
  const { canvas, context } = paper(width, height);
  const image = new ImageData(width, height);
  image.data.set(rgba.subarray(0, width * height * 4));
  context.putImageData(image, 0, 0);
  return canvas;
}

/** Grey-scale PGM (P5): the cheapest file the recogniser decodes; transparent pixels are paper. */
function toPgm(context: OffscreenCanvasRenderingContext2D, width: number, height: number): Uint8Array {
  const { data } = context.getImageData(0, 0, width, height);
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header);
  for (let i = 0, o = header.length; i < data.length; i += 4, o++) {
    const a = data[i + 3]! / 255;
    const grey = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
    out[o] = Math.round(grey * a + 255 * (1 - a));
  }
  return out;
}

export class BrowserOcrEngine {
  private recogniser: Promise<TesseractWorker> | null = null;

  constructor(private readonly assets: OcrAssetUrls) {}

  async recognise(request: OcrRequest): Promise<OcrResult> {
    if (request.kind === 'pdf') return this.readPdf(request.bytes, request.maxPages);
    const source = await this.decode(request.kind, request.bytes);
    return { text: await this.readDrawable(source, source.width, source.height), pages: 0 };
  }

  /** Starts loading the recogniser (worker, core, model) without waiting for it: the first picture is read sooner. */
  warm(): void {
    this.tesseract().catch(() => {
      this.recogniser = null;
    });
  }

  async terminate(): Promise<void> {
    const worker = await this.recogniser?.catch(() => null);
    this.recogniser = null;
    await worker?.terminate();
  }

  private tesseract(): Promise<TesseractWorker> {
    this.recogniser ??= (async () => {
      const [{ createWorker }, { simd }] = await Promise.all([import('tesseract.js'), import('wasm-feature-detect')]);
      const core = (await simd()) ? 'tesseract-core-simd-lstm.wasm.js' : 'tesseract-core-lstm.wasm.js';
      const { workerPath, coreDir, langPath } = this.assets;
      return createWorker('eng', 1, { workerPath, corePath: `${coreDir.replace(/\/$/, '')}/${core}`, langPath, cacheMethod: 'none', gzip: true, workerBlobURL: false });
    })();
    return this.recogniser;
  }

  private async decode(kind: ImageKind, bytes: Uint8Array): Promise<Drawable> {
    if (kind === 'tiff') {
      const UTIF = (await import('utif')).default;
      const [first] = UTIF.decode(bytes);
      if (!first) throw new Error('TIFF without an image');
      UTIF.decodeImage(bytes, first);
      return fromRgba(first.width, first.height, UTIF.toRGBA8(first));
    }
    if (kind === 'heic') {
      const { default: decode } = await import('heic-decode');
      const image = await decode({ buffer: bytes });
      return fromRgba(image.width, image.height, new Uint8Array(image.data));
    }
    return createImageBitmap(new Blob([bytes.slice()], { type: MEDIA_TYPES[kind] ?? 'application/octet-stream' }));
  }

  private async readDrawable(source: Drawable, width: number, height: number): Promise<string> {
    if (width * height > OCR_LIMITS.maxSourcePixels) throw new Error(`picture of ${width}x${height} is too large`);
    const size = ocrScale({ width, height }, OCR_LIMITS);
    const { context } = paper(size.width, size.height);
    context.drawImage(source, 0, 0, size.width, size.height);
    if ('close' in source) source.close();
    return this.readCanvas(context, size.width, size.height);
  }

  private async readCanvas(context: OffscreenCanvasRenderingContext2D, width: number, height: number): Promise<string> {
    const worker = await this.tesseract();
    const { data } = await worker.recognize(toPgm(context, width, height) as unknown as Blob);
    return data.text ?? '';
  }

  private async readPdf(bytes: Uint8Array, maxPages: number): Promise<OcrResult> {
    // pdfjs's worker code runs here (this context is already off the page's thread): it looks for
    // globalThis.pdfjsWorker before starting a worker of its own.
    const scope = globalThis as { pdfjsWorker?: unknown };
    scope.pdfjsWorker ??= await import('pdfjs-dist/build/pdf.worker.mjs');
    const pdfjs = await import('pdfjs-dist');
    const task = pdfjs.getDocument({
      data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, enableXfa: false,
      stopAtErrors: false, verbosity: 0, CanvasFactory: OffscreenCanvasFactory, FilterFactory: NoFilterFactory,
    });
    const texts: string[] = [];
    let pages = 0;
    try {
      const doc = await task.promise;
      for (let n = 1; n <= Math.min(doc.numPages, MAX_PDF_PAGES_LOOKED_AT) && pages < maxPages; n++) {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        const chars = content.items.reduce((sum, item) => sum + ('str' in item ? item.str.trim().length : 0), 0);
        if (chars >= PAGE_TEXT_MIN) continue;
        const base = page.getViewport({ scale: 1 });
        const size = ocrScale({ width: base.width, height: base.height }, OCR_LIMITS);
        const viewport = page.getViewport({ scale: size.width / base.width });
        const { canvas, context } = paper(Math.ceil(viewport.width), Math.ceil(viewport.height));
        await page.render({ canvasContext: context as unknown as CanvasRenderingContext2D, canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
        pages++;
        texts.push(await this.readCanvas(context, canvas.width, canvas.height));
        page.cleanup();
      }
    } finally {
      await task.destroy().catch(() => {});
    }
    return { text: texts.join('\n\n'), pages };
  }
}
