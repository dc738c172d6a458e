import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfTextExtractor } from '../../cli/pdf-text.ts';
import { fillAttachmentText } from '../../shared/mime/attachment-text.ts';
import { parseEml } from '../../shared/mime/parse-eml.ts';

// The corpus lives beside the repository (../shared/corpus); its samples are never copied in.
const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
const present = existsSync(join(CORPUS, 'MANIFEST.tsv'));
if (!present) console.warn(`Skipping corpus tests: ${CORPUS} not found`);

function emlFiles(): string[] {
  const files: string[] = [];
  for (const folder of readdirSync(CORPUS, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const name of readdirSync(join(CORPUS, folder.name))) if (name.endsWith('.eml')) files.push(join(folder.name, name));
  }
  return files.sort();
}

interface ManifestRow {
  file: string;
  label: string;
  numbers: string[];
  notes: string;
}

function manifest(): ManifestRow[] {
  const [header, ...lines] = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').split('\n').filter(Boolean);
  const columns = (header ?? '').split('\t');
  const at = (name: string) => columns.indexOf(name);
  return lines.map((line) => {
    const cells = line.split('\t');
    return {
      file: cells[at('file')] ?? '',
      label: cells[at('label')] ?? '',
      numbers: (cells[at('phone_numbers_seen')] ?? '').split(',').filter(Boolean),
      notes: cells[at('notes')] ?? '',
    };
  });
}

describe.skipIf(!present)('corpus', () => {
  it('parses every .eml without throwing, each within 2 s', async () => {
    const files = emlFiles();
    expect(files.length).toBeGreaterThan(100);
    let slowest = { file: '', ms: 0 };
    const started = performance.now();
    for (const file of files) {
      const t = performance.now();
      const message = await parseEml(new Uint8Array(readFileSync(join(CORPUS, file))));
      const ms = performance.now() - t;
      if (ms > slowest.ms) slowest = { file, ms };
      expect(message.headers.length, file).toBeGreaterThan(0);
      expect(ms, file).toBeLessThan(2000);
    }
    console.log(`${files.length} corpus messages in ${(performance.now() - started).toFixed(0)} ms; slowest ${slowest.file} ${slowest.ms.toFixed(0)} ms`);
  });

  it('every calendar-invite TOAD sample yields a calendar part', async () => {
    const invites = manifest().filter((row) => row.label === 'toad' && /calendar/i.test(row.notes));
    let withCalendar = 0;
    for (const row of invites) {
      const message = await parseEml(new Uint8Array(readFileSync(join(CORPUS, row.file))));
      if (message.attachments.some((a) => a.mediaType === 'text/calendar' || a.name.endsWith('.ics'))) {
        withCalendar++;
        const calendar = message.parts.find((p) => p.id === 'calendar');
        expect(calendar?.text, row.file).toBeTruthy();
        // Folded ICS lines must not split the numbers the manifest lists.
        const digits = (calendar?.text ?? '').replace(/\D+/g, '');
        const found = row.numbers.filter((n) => digits.includes(n.replace(/^\+1/, '')));
        expect(found.length, `${row.file}: ${row.numbers.join(',')}`).toBeGreaterThan(0);
      }
    }
    expect(withCalendar).toBeGreaterThan(0);
  });

  // Samples whose number is only in a PDF's text layer ("phone in: pdf"); image-only PDFs ("ocr") need OCR.
  const pdfOnly = present ? manifest().filter((row) => row.label === 'toad' && /phone in: pdf\b/i.test(row.notes)) : [];

  it('finds the TOAD samples whose number is only in a PDF', () => {
    expect(pdfOnly.length).toBeGreaterThanOrEqual(2);
  });

  it.each(pdfOnly.map((row) => [row.file, row] as const))('%s: PDF text holds the number', async (_, row) => {
    const message = await parseEml(new Uint8Array(readFileSync(join(CORPUS, row.file))));
    await fillAttachmentText(message, pdfTextExtractor);
    const pdfDigits = message.attachments.map((a) => (a.text ?? '').replace(/\D+/g, '')).join('\n');
    const bodyDigits = `${message.subject}\n${message.text}`.replace(/\D+/g, '');
    for (const e164 of row.numbers) {
      const national = e164.replace(/^\+1/, '');
      expect(pdfDigits, `${row.file} ${e164}`).toContain(national);
      expect(bodyDigits, `${row.file}: the number should not already be in the body`).not.toContain(national);
    }
  });
});
