import { readFile, stat } from 'node:fs/promises';
import { parseEml } from '../shared/mime/parse-eml.ts';
import { fillAttachmentText, fillOcrText, type OcrOutcome } from '../shared/mime/attachment-text.ts';
import type { PlanOptions } from '../shared/ocr/plan-ocr.ts';
import type { MailMessage } from '../shared/types.ts';
import { pdfTextExtractor } from './pdf-text.ts';
import { cliRecogniser } from './ocr/ocr-runner.ts';

export interface ReadOptions {
  /** Read pictures and image-only PDF pages with OCR where the message calls for it (off unless given). */
  ocr?: PlanOptions;
  /** Told what OCR did, when it was asked for. */
  onOcr?: (outcome: OcrOutcome) => void;
}

/** Largest message read from disk; bigger files get a per-file error instead of exhausting memory. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** Reads an .eml file into a MailMessage, with the text of its PDF attachments. Throws a readable Error. */
export async function readMessage(file: string, options: ReadOptions = {}): Promise<MailMessage> {
  const info = await stat(file).catch(() => {
    throw new Error('cannot read file: no such file');
  });
  if (!info.isFile()) throw new Error('not a regular file');
  if (info.size > MAX_MESSAGE_BYTES) throw new Error(`message is ${(info.size / 1048576).toFixed(0)} MB, over the 64 MB limit`);
  const message = await parseEml(new Uint8Array(await readFile(file)));
  await fillAttachmentText(message, pdfTextExtractor);
  if (options.ocr) {
    const outcome = await fillOcrText(message, cliRecogniser, options.ocr);
    options.onOcr?.(outcome);
  }
  return message;
}
