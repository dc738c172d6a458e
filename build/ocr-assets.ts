// Copies what OCR needs at run time into a build's ocr/ folder, so the add-in and the extension never fetch a
// worker, a core or a model from anywhere but their own files: tesseract.js's worker script, its core (LSTM,
// with and without SIMD; the WebAssembly is inside the .wasm.js) and the English model (integer LSTM).
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export const OCR_ASSET_FILES = [
  'ocr/worker.min.js',
  'ocr/core/tesseract-core-simd-lstm.wasm.js',
  'ocr/core/tesseract-core-lstm.wasm.js',
  'ocr/lang/eng.traineddata.gz',
] as const;

export async function copyOcrAssets(outDir: string): Promise<void> {
  const tesseract = packageDir('tesseract.js');
  const core = packageDir('tesseract.js-core');
  const eng = packageDir('@tesseract.js-data/eng');
  const sources: Record<(typeof OCR_ASSET_FILES)[number], string> = {
    'ocr/worker.min.js': join(tesseract, 'dist/worker.min.js'),
    'ocr/core/tesseract-core-simd-lstm.wasm.js': join(core, 'tesseract-core-simd-lstm.wasm.js'),
    'ocr/core/tesseract-core-lstm.wasm.js': join(core, 'tesseract-core-lstm.wasm.js'),
    'ocr/lang/eng.traineddata.gz': join(eng, '4.0.0_best_int/eng.traineddata.gz'),
  };
  for (const file of OCR_ASSET_FILES) {
    await mkdir(dirname(join(outDir, file)), { recursive: true });
    await copyFile(sources[file], join(outDir, file));
  }
}
