// Pool workers can take PDF text from the main thread's one extraction thread (TaskInit.sharedPdf, what
// runMessages asks for) instead of starting one each: the verdicts must be exactly those of a worker's own.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { WorkerPool } from '../../cli/pool/worker-pool.ts';
import { taskModuleUrl } from '../../cli/pool/task-bundle.ts';
import { extractPdfText } from '../../cli/pdf-text.ts';
import type { TaskInit, TaskOutput } from '../../cli/pool/message-task.ts';
import { loadPolicy } from '../../cli/load-policy.ts';
import { hasCorpus, readManifest } from '../support/corpus.ts';

/** Corpus messages with a PDF attachment (the corpus has a handful). */
async function pdfMessages(): Promise<{ file: string; bytes: Uint8Array }[]> {
  const out: { file: string; bytes: Uint8Array }[] = [];
  for (const entry of readManifest()) {
    const bytes = new Uint8Array(await readFile(entry.path));
    if (Buffer.from(bytes).toString('latin1').toLowerCase().includes('application/pdf')) out.push({ file: entry.file, bytes });
  }
  return out;
}

describe.skipIf(!hasCorpus)('shared PDF extraction thread', () => {
  it('judges corpus messages with PDFs exactly as a worker with its own PDF thread does, with 2 workers', async () => {
    const module = await taskModuleUrl(new URL('../../cli/pool/message-task.ts', import.meta.url));
    const messages = await pdfMessages();
    expect(messages.length).toBeGreaterThanOrEqual(5);
    const base: TaskInit = { command: 'scan', policy: await loadPolicy(undefined), region: 'US', reputation: false };
    let calls = 0;
    const judge = async (init: TaskInit) => {
      const pool = new WorkerPool({
        module,
        jobs: 2,
        init,
        onCall: async (method, args) => {
          if (method !== 'pdfText') throw new Error(`unknown call ${method}`);
          calls++;
          return extractPdfText(args[0] as Uint8Array);
        },
      });
      try {
        // All at once, so both workers ask for PDF text side by side.
        return await Promise.all(messages.map(({ file, bytes }) => pool.run<TaskOutput>({ format: 'eml', bytes: bytes.slice(), name: file })));
      } finally {
        await pool.close();
      }
    };
    const own = await judge(base);
    expect(calls).toBe(0);
    const shared = await judge({ ...base, sharedPdf: true });
    expect(calls).toBeGreaterThanOrEqual(messages.length);
    expect(shared).toEqual(own);
    // The PDFs' text is really read: some numbers are found only in an attachment.
    const parts = own.flatMap((o) => ('verdict' in o ? o.verdict.phones.map((p) => p.part) : []));
    expect(parts.some((p) => p.startsWith('attachment:'))).toBe(true);
  }, 180_000);
});
