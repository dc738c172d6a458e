import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Local files the OCR thread loads: the English model shipped by @tesseract.js-data/eng (LSTM, integer
 * weights), pdfjs for rendering pages. tesseract.js finds its core (WebAssembly) in node_modules itself.
 */
export function ocrAssets() {
  const require = createRequire(import.meta.url);
  const eng = dirname(require.resolve('@tesseract.js-data/eng/package.json'));
  const pdfjs = dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    langPath: join(eng, '4.0.0_best_int'),
    pdfjsMain: pathToFileURL(join(pdfjs, 'legacy/build/pdf.mjs')).href,
    pdfjsWorker: pathToFileURL(join(pdfjs, 'legacy/build/pdf.worker.mjs')).href,
    cMapUrl: join(pdfjs, 'cmaps') + '/',
    standardFontDataUrl: join(pdfjs, 'standard_fonts') + '/',
  };
}
