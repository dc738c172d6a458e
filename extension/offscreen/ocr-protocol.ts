// Messages between the background and the OCR document (Chrome's offscreen document; in Firefox the same
// page in an iframe of the background page). Bytes travel as base64: runtime messages are JSON.
import type { OcrResult } from '../../shared/mime/attachment-text.ts';
import type { ImageKind } from '../../shared/ocr/image-kind.ts';

export const OCR_TARGET = 'ringfence-offscreen-ocr';
export const OCR_PAGE = 'offscreen/offscreen.html';

export interface OcrPageRequest {
  target: typeof OCR_TARGET;
  /** warm: load the recogniser (worker, core, model) now, answered at once. */
  type: 'ocr' | 'ping' | 'warm';
  request?: { name: string; kind: ImageKind | 'pdf'; base64: string; maxPages: number };
}

export type OcrPageAnswer = { ok: true; result: OcrResult } | { ok: false; error: string };

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
