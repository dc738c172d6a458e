// Opens the OCR document on first use and hands it pictures: Chrome's offscreen document (reason WORKERS), or
// in Firefox, whose background page has a DOM, the same page in an iframe there. Nothing OCR is loaded
// into the worker or the content scripts.
import browser from 'webextension-polyfill';
import type { OcrRecogniser } from '../../shared/mime/attachment-text.ts';
import { OCR_PAGE, OCR_TARGET, toBase64, type OcrPageAnswer, type OcrPageRequest } from '../offscreen/ocr-protocol.ts';

/** Time for one picture or PDF (the first one also loads the model). */
const TIMEOUT_MS = 30_000;

let opening: Promise<void> | null = null;

async function openChromeOffscreen(): Promise<void> {
  const url = chrome.runtime.getURL(OCR_PAGE);
  const existing = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT], documentUrls: [url] });
  if (existing.length > 0) return;
  await chrome.offscreen.createDocument({ url: OCR_PAGE, reasons: [chrome.offscreen.Reason.WORKERS], justification: 'Read phone numbers in pictures (OCR) in a web worker, on this device' });
}

async function openFrame(): Promise<void> {
  const frame = document.createElement('iframe');
  frame.src = browser.runtime.getURL(OCR_PAGE);
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  (document.body ?? document.documentElement).append(frame);
  await loaded;
}

function ensureDocument(): Promise<void> {
  const hasOffscreen = typeof chrome !== 'undefined' && 'offscreen' in chrome && chrome.offscreen !== undefined;
  opening ??= (hasOffscreen ? openChromeOffscreen() : openFrame()).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

async function send(message: OcrPageRequest): Promise<OcrPageAnswer> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`OCR took longer than ${TIMEOUT_MS} ms`)), TIMEOUT_MS)));
  try {
    const answer = (await Promise.race([browser.runtime.sendMessage(message), timeout])) as OcrPageAnswer | undefined;
    if (!answer) throw new Error('the OCR document did not answer');
    return answer;
  } finally {
    clearTimeout(timer);
  }
}

/** Opens the OCR document and has it load the recogniser now, before the first picture arrives; does not wait. */
export function warmOcr(): void {
  void ensureDocument()
    .then(() => send({ target: OCR_TARGET, type: 'warm' }))
    .catch(() => {});
}

export const offscreenRecogniser: OcrRecogniser = async (request) => {
  await ensureDocument();
  const answer = await send({ target: OCR_TARGET, type: 'ocr', request: { name: request.name, kind: request.kind, base64: toBase64(request.bytes), maxPages: request.maxPages } });
  if (!answer.ok) throw new Error(`OCR failed: ${answer.error}`);
  return answer.result;
};
