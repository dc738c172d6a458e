import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMessage } from '../../../cli/read-message.ts';
import type { OcrOutcome } from '../../../shared/mime/attachment-text.ts';
import { scan } from '../../../shared/scan.ts';
import type { Verdict } from '../../../shared/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'ringfence-ocr-'));
let n = 0;

/** Writes the message to a file and judges it the CLI's way (readMessage with OCR on, then scan). */
export async function scanEml(eml: string, ocr = true): Promise<{ verdict: Verdict; outcome?: OcrOutcome }> {
  const file = join(dir, `m${++n}.eml`);
  writeFileSync(file, eml);
  let outcome: OcrOutcome | undefined;
  const message = await readMessage(file, ocr ? { ocr: {}, onOcr: (o) => (outcome = o) } : {});
  const verdict = await scan(message, { policy: {}, now: new Date() });
  return outcome ? { verdict, outcome } : { verdict };
}
