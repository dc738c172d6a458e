// OCR over the labelled corpus, compared with OCR off in the same run: legitimate mail keeps its verdicts,
// and OCR runs only on the few messages the rules call for (each corpus message is parsed once).
import { describe, expect, it } from 'vitest';
import { readMessage } from '../../cli/read-message.ts';
import { cliRecogniser } from '../../cli/ocr/ocr-runner.ts';
import { fillOcrText } from '../../shared/mime/attachment-text.ts';
import { planOcr } from '../../shared/ocr/plan-ocr.ts';
import { scan } from '../../shared/scan.ts';
import type { Level } from '../../shared/types.ts';
import { hasCorpus, readManifest } from '../support/corpus.ts';

interface Row {
  file: string;
  label: string;
  off: Level;
  on: Level;
  ran: boolean;
}

describe.skipIf(!hasCorpus)('OCR over the corpus, on beside off', () => {
  it('changes no legitimate verdict and runs on only a few messages', { timeout: 600_000 }, async () => {
    const rows: Row[] = [];
    const now = new Date();
    for (const entry of readManifest()) {
      let message;
      try {
        message = await readMessage(entry.path);
      } catch {
        continue; // unreadable files are the mime tests' business
      }
      const off = (await scan(message, { policy: {}, now })).level;
      if (!planOcr(message).trigger) {
        rows.push({ file: entry.file, label: entry.label, off, on: off, ran: false });
        continue;
      }
      await fillOcrText(message, cliRecogniser);
      const on = (await scan(message, { policy: {}, now })).level;
      rows.push({ file: entry.file, label: entry.label, off, on, ran: true });
    }
    const ran = rows.filter((r) => r.ran);
    const ham = rows.filter((r) => r.label === 'ham');
    console.log(`OCR ran on ${ran.length} of ${rows.length} corpus messages (${ran.filter((r) => r.label === 'ham').length} of ${ham.length} ham): ` +
      ran.map((r) => `${r.file} ${r.off}→${r.on}`).join(', '));
    expect(ham.filter((r) => r.on !== r.off)).toEqual([]);
    expect(ran.length).toBeLessThanOrEqual(Math.ceil(rows.length * 0.05));
    expect(rows.find((r) => r.file === 'scam-toad/phishing_pot__sample-269.eml')).toMatchObject({ ran: true, off: 'none', on: 'warning' });
  });
});
