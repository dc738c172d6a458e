// The task pane's OCR web worker: pictures and image-only PDF pages of the open message are read here, off the
// pane's thread. Assets (tesseract's worker, core and English model) come from the add-in's own ocr/ folder.
import { BrowserOcrEngine, type OcrAssetUrls } from '../../shared/browser/ocr-engine.ts';
import type { OcrRequest } from '../../shared/mime/attachment-text.ts';

interface Job {
  id: number;
  assets: OcrAssetUrls;
  request: OcrRequest;
}

let engine: BrowserOcrEngine | null = null;

self.onmessage = async (event: MessageEvent<Job>) => {
  const { id, assets, request } = event.data;
  try {
    engine ??= new BrowserOcrEngine(assets);
    const result = await engine.recognise(request);
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: (error as Error).message ?? String(error) });
  }
};
