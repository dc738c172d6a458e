// OCR worker thread for the CLI (plain JavaScript: a thread cannot use the main thread's TypeScript loader).
// Decodes a picture or renders the PDF pages that have no text layer, scales to what OCR needs, and reads
// it with tesseract.js. Every asset is a local file named in workerData: nothing is fetched.
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// Nothing a library prints may reach the scanner's output (JSON lines on stdout).
for (const method of ['log', 'info', 'warn', 'error', 'debug']) console[method] = () => {};

const { langPath, pdfjsMain, pdfjsWorker, cMapUrl, standardFontDataUrl, limits } = workerData;
// A page with fewer characters than this in its text layer is a picture of a page.
const PAGE_TEXT_MIN = 20;
const SMALL_WIDTH = 1200;
const MAX_ENLARGE = 2.5;

let canvasLib;
let recogniser;
let pdfjs;

function canvas() {
  canvasLib ??= require('@napi-rs/canvas');
  return canvasLib;
}

/** Same rule as shared/ocr/ocr-scale.ts (kept in step by test/ocr/cli-ocr.test.ts). */
function scaleFor(width, height) {
  let factor = width < SMALL_WIDTH ? Math.min(MAX_ENLARGE, SMALL_WIDTH / width) : 1;
  factor = Math.min(factor, limits.maxOcrSide / Math.max(width, height));
  factor = Math.min(factor, Math.sqrt(limits.maxOcrPixels / (width * height)));
  return { width: Math.max(1, Math.round(width * factor)), height: Math.max(1, Math.round(height * factor)) };
}

async function tesseract() {
  if (!recogniser) {
    const { createWorker } = require('tesseract.js');
    recogniser = await createWorker('eng', 1, { langPath, cacheMethod: 'none', gzip: true });
  }
  return recogniser;
}

/** Grey-scale PGM (P5) of the canvas: the cheapest file the recogniser decodes. */
function toPgm(context, width, height) {
  const { data } = context.getImageData(0, 0, width, height);
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii');
  const out = Buffer.allocUnsafe(header.length + width * height);
  header.copy(out, 0);
  for (let i = 0, o = header.length; i < data.length; i += 4, o++) {
    // Transparent pixels are paper, not ink.
    const a = data[i + 3] / 255;
    const grey = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
    out[o] = Math.round(grey * a + 255 * (1 - a));
  }
  return out;
}

/** Draws a decoded source (image or canvas) at OCR size and reads it. */
async function readDrawable(source, width, height) {
  if (width * height > limits.maxSourcePixels) throw new Error(`picture of ${width}x${height} is too large`);
  const size = scaleFor(width, height);
  const target = canvas().createCanvas(size.width, size.height);
  const context = target.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size.width, size.height);
  context.drawImage(source, 0, 0, size.width, size.height);
  const worker = await tesseract();
  const { data } = await worker.recognize(toPgm(context, size.width, size.height));
  return data.text ?? '';
}

function rgbaCanvas(width, height, rgba) {
  if (width * height > limits.maxSourcePixels) throw new Error(`picture of ${width}x${height} is too large`);
  const { createCanvas } = canvas();
  const c = createCanvas(width, height);
  const context = c.getContext('2d');
  const image = context.createImageData(width, height);
  image.data.set(rgba.subarray(0, width * height * 4));
  context.putImageData(image, 0, 0);
  return c;
}

async function readPicture(kind, bytes) {
  if (kind === 'tiff') {
    const UTIF = require('utif');
    const ifds = UTIF.decode(bytes);
    const first = ifds[0];
    if (!first) throw new Error('TIFF without an image');
    const width = first.width ?? first.t256?.[0];
    const height = first.height ?? first.t257?.[0];
    if (!width || !height || width * height > limits.maxSourcePixels) throw new Error('TIFF too large or damaged');
    UTIF.decodeImage(bytes, first);
    return readDrawable(rgbaCanvas(first.width, first.height, UTIF.toRGBA8(first)), first.width, first.height);
  }
  if (kind === 'heic') {
    const decode = require('heic-decode');
    const image = await decode({ buffer: Buffer.from(bytes) });
    return readDrawable(rgbaCanvas(image.width, image.height, new Uint8Array(image.data)), image.width, image.height);
  }
  const image = await canvas().loadImage(Buffer.from(bytes));
  return readDrawable(image, image.width, image.height);
}

async function loadPdfjs() {
  if (!pdfjs) {
    globalThis.pdfjsWorker = await import(pdfjsWorker);
    pdfjs = await import(pdfjsMain);
  }
  return pdfjs;
}

/** Renders and reads the pages without a text layer, at most maxPages of them. */
async function readPdf(bytes, maxPages) {
  const lib = await loadPdfjs();
  const task = lib.getDocument({
    data: bytes, isEvalSupported: false, useSystemFonts: false, enableXfa: false, stopAtErrors: false,
    verbosity: 0, cMapUrl, cMapPacked: true, standardFontDataUrl,
  });
  const texts = [];
  let pages = 0;
  try {
    const doc = await task.promise;
    for (let n = 1; n <= Math.min(doc.numPages, 20) && pages < maxPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const chars = content.items.reduce((sum, item) => sum + (typeof item.str === 'string' ? item.str.trim().length : 0), 0);
      if (chars >= PAGE_TEXT_MIN) continue;
      const base = page.getViewport({ scale: 1 });
      const size = scaleFor(base.width, base.height);
      const viewport = page.getViewport({ scale: size.width / base.width });
      const target = canvas().createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = target.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, target.width, target.height);
      await page.render({ canvasContext: context, canvas: target, viewport }).promise;
      pages++;
      const worker = await tesseract();
      const { data } = await worker.recognize(toPgm(context, target.width, target.height));
      if (data.text) texts.push(data.text);
      page.cleanup();
    }
  } finally {
    await task.destroy().catch(() => {});
  }
  return { text: texts.join('\n\n'), pages };
}

parentPort.on('message', async ({ id, kind, bytes, maxPages }) => {
  try {
    const result = kind === 'pdf' ? await readPdf(bytes, maxPages) : { text: await readPicture(kind, bytes), pages: 0 };
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: (error && error.message) || String(error) });
  }
});
