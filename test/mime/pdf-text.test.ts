import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractPdfText, itemsToLines, pdfTextExtractor } from '../../cli/pdf-text.ts';
import { fillAttachmentText, isPdfAttachment } from '../../shared/mime/attachment-text.ts';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import type { Attachment, MailMessage } from '../../shared/types.ts';
import { message, multipart, pdfPart, textPart } from './support/build-mime.ts';
import { makePdf } from './support/make-pdf.ts';

// Helvetica advance widths (1/1000 em) of the characters used below, to place runs edge to edge.
const HELVETICA: Record<string, number> = { '+': 584, ' ': 278, '(': 333, ')': 333, '-': 333, '0': 556, '1': 556, '2': 556, '3': 556, '4': 556, '5': 556, '6': 556, '7': 556, '8': 556, '9': 556 };
const widthAt12 = (text: string) => ([...text].reduce((sum, c) => sum + (HELVETICA[c] ?? 0), 0) / 1000) * 12;

const invoicePdf = () =>
  makePdf([
    [
      { text: 'Call', x: 30, y: 700 },
      { text: '+1 (856) 37', x: 72, y: 700 },
      { text: '9-7940', x: 72 + widthAt12('+1 (856) 37'), y: 700 },
      { text: 'to cancel your order', x: 72, y: 680 },
    ],
    [{ text: 'Page two', x: 72, y: 700 }],
  ]);

describe('extractPdfText', () => {
  it('reads the text layer in lines, joining runs that touch so a split number stays contiguous', async () => {
    expect(await extractPdfText(invoicePdf())).toBe('Call +1 (856) 379-7940\nto cancel your order\n\nPage two');
  });

  it('stops at maxPages', async () => {
    expect(await extractPdfText(invoicePdf(), { maxPages: 1 })).toBe('Call +1 (856) 379-7940\nto cancel your order');
  });

  it('leaves the caller\'s bytes intact', async () => {
    const pdf = invoicePdf();
    const copy = pdf.slice();
    await extractPdfText(pdf);
    expect(pdf).toEqual(copy);
  });

  it('throws a clear Error for a corrupt or non-PDF input', async () => {
    await expect(extractPdfText(new TextEncoder().encode('%PDF-1.4 garbage without objects'))).rejects.toThrow(/^Not a readable PDF/);
    await expect(extractPdfText(new Uint8Array([1, 2, 3]))).rejects.toThrow(/^Not a readable PDF/);
    const truncated = invoicePdf().slice(0, 200);
    await expect(extractPdfText(truncated)).rejects.toThrow(Error);
  });

  it('times out by ending the extraction thread, and the next document gets a fresh one', async () => {
    await expect(extractPdfText(invoicePdf(), { timeoutMs: 0 })).rejects.toThrow(/longer than 0 ms/);
    expect(await extractPdfText(invoicePdf(), { maxPages: 1 })).toBe('Call +1 (856) 379-7940\nto cancel your order');
  });

  it('lets the process exit when extraction is done (the idle thread holds nothing open)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-text-'));
    const script = join(dir, 'run.mts');
    const url = (path: string) => pathToFileURL(resolve(import.meta.dirname, path)).href;
    writeFileSync(
      script,
      `import { extractPdfText } from '${url('../../cli/pdf-text.ts')}';\n` +
        `import { makePdf } from '${url('./support/make-pdf.ts')}';\n` +
        `console.log(await extractPdfText(makePdf([[{ text: 'done', x: 72, y: 700 }]])));\n`,
    );
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: resolve(import.meta.dirname, '../..'), timeout: 60_000, encoding: 'utf8' });
      expect(run.error).toBeUndefined();
      expect(run.stdout.trim()).toBe('done');
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('handles several documents at once, one at a time', async () => {
    const texts = await Promise.all([1, 2, 1].map((maxPages) => extractPdfText(invoicePdf(), { maxPages })));
    expect(texts.map((t) => t.split('\n').length)).toEqual([2, 4, 2]);
  });

  it('joins a line of 50,000 items in linear time', () => {
    const items = Array.from({ length: 50_000 }, (_, i) => ({ str: i % 2 ? ' ' : '7', transform: [12, 0, 0, 12, i * 7, 100], width: 7, height: 12 }));
    const started = performance.now();
    expect(itemsToLines(items).length).toBe(49_999);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('orders lines top to bottom and items left to right, whatever the drawing order', () => {
    const item = (str: string, x: number, y: number, width: number) => ({ str, transform: [12, 0, 0, 12, x, y], width, height: 12 });
    expect(itemsToLines([item('second', 10, 100, 30), item('48', 40, 200, 12), item('(859) ', 10, 200, 30), item('9-9247', 52, 200, 30)])).toBe(
      '(859) 489-9247\nsecond',
    );
  });
});

describe('fillAttachmentText', () => {
  const base = (attachments: Attachment[]): MailMessage => ({
    subject: '', from: null, replyTo: [], to: [], date: null, headers: [], text: '', hiddenText: '', parts: [], attachments, links: [],
  });
  const pdfBytes = new TextEncoder().encode('%PDF-1.4 fake');

  it('recognises PDFs by media type, by name, and by magic bytes in a generic binary', () => {
    expect(isPdfAttachment({ name: 'a', mediaType: 'application/pdf', size: 1 })).toBe(true);
    expect(isPdfAttachment({ name: 'Invoice.PDF', mediaType: 'application/x-whatever', size: 1 })).toBe(true);
    expect(isPdfAttachment({ name: 'blob', mediaType: 'application/octet-stream', size: 13, content: pdfBytes })).toBe(true);
    expect(isPdfAttachment({ name: 'blob', mediaType: 'application/octet-stream', size: 3, content: new Uint8Array([1, 2, 3]) })).toBe(false);
    expect(isPdfAttachment({ name: 'logo.png', mediaType: 'image/png', size: 13, content: pdfBytes })).toBe(false);
  });

  it('sets text from the extractor, swallows a failing one, and skips non-PDFs', async () => {
    const msg = base([
      { name: 'bad.pdf', mediaType: 'application/pdf', size: 13, content: pdfBytes },
      { name: 'good.pdf', mediaType: 'application/pdf', size: 13, content: pdfBytes },
      { name: 'logo.png', mediaType: 'image/png', size: 3, content: new Uint8Array(3) },
      { name: 'sync-throw.pdf', mediaType: 'application/pdf', size: 13, content: pdfBytes },
    ]);
    const seen: string[] = [];
    await fillAttachmentText(msg, (a) => {
      seen.push(a.name);
      if (a.name === 'bad.pdf') return Promise.reject(new Error('corrupt'));
      if (a.name === 'sync-throw.pdf') throw new Error('sync');
      return Promise.resolve('Call 1-800-555-0100');
    });
    expect(seen).toEqual(['bad.pdf', 'good.pdf', 'sync-throw.pdf']);
    expect(msg.attachments.map((a) => a.text)).toEqual([undefined, 'Call 1-800-555-0100', undefined, undefined]);
  });

  it('bounds count, size and time', async () => {
    const many = base(Array.from({ length: 5 }, (_, i) => ({ name: `${i}.pdf`, mediaType: 'application/pdf', size: 13, content: pdfBytes })));
    let calls = 0;
    await fillAttachmentText(many, async () => `t${++calls}`, { maxAttachments: 2 });
    expect(calls).toBe(2);
    calls = 0;
    await fillAttachmentText(base([...many.attachments.map((a) => ({ ...a, text: undefined }))]), async () => `t${++calls}`, { maxTotalBytes: 30 });
    expect(calls).toBe(2);
    const slow = base([{ name: 'slow.pdf', mediaType: 'application/pdf', size: 13, content: pdfBytes }]);
    const started = Date.now();
    await fillAttachmentText(slow, () => new Promise(() => undefined), { timeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(slow.attachments[0]?.text).toBeUndefined();
  });

  it('end to end: a PDF attachment in an .eml gets its text through pdfjs, a corrupt one gets none', async () => {
    const raw = message(
      ['Subject: Your invoice', 'Content-Type: multipart/mixed; boundary=M'],
      multipart('M', [
        textPart('See the attached invoice.'),
        pdfPart('invoice.pdf', invoicePdf()),
        pdfPart('broken.pdf', new TextEncoder().encode('%PDF-1.7\nnot really')),
        pdfPart('scan.bin', invoicePdf(), 'application/octet-stream'),
      ]),
    );
    const parsed = await parseEml(raw);
    await fillAttachmentText(parsed, pdfTextExtractor);
    expect(parsed.attachments.map((a) => [a.name, a.text])).toEqual([
      ['invoice.pdf', 'Call +1 (856) 379-7940\nto cancel your order\n\nPage two'],
      ['broken.pdf', undefined],
      ['scan.bin', 'Call +1 (856) 379-7940\nto cancel your order\n\nPage two'],
    ]);
  });
});
