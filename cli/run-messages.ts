// The shared engine of scan, hunt and cluster: inputs read on this thread, messages judged by the worker
// pool, results handed back in input order, a bounded number in flight, progress on standard error.
import { availableParallelism } from 'node:os';
import { planInputs, readInputs } from './input/read-inputs.ts';
import type { InputMessage, MessageSource } from './input/types.ts';
import type { MboxFormat } from './input/mbox-format.ts';
import { WorkerPool } from './pool/worker-pool.ts';
import { orderedMap } from './pool/ordered-map.ts';
import { taskModuleUrl } from './pool/task-bundle.ts';
import { tuneJit } from './pool/jit-tuning.ts';
import type { TaskInit, TaskOutput } from './pool/message-task.ts';
import { Progress } from './progress.ts';
import { extractPdfText } from './pdf-text.ts';
import { UsageError } from './args.ts';
import type { ReputationLookup } from '../shared/types.ts';

export interface RunMessagesOptions {
  paths: readonly string[];
  jobs: number;
  init: TaskInit;
  reputation?: ReputationLookup;
  /** Progress line: on when standard error is a terminal, or when asked for. */
  progress: boolean;
  onNote: (note: string) => void;
  mboxFormat?: MboxFormat;
}

export type MessageResult = MessageSource & ({ output: TaskOutput; error?: undefined } | { error: string });

/** Messages in flight per worker: enough to keep a worker busy while another task waits for its PDF thread. */
export const IN_FLIGHT_PER_WORKER = 4;
/**
 * Messages taken from the input per worker before their results are printed: results that finish while a
 * message ahead of them waits for its PDF text wait here (small verdicts, not message bytes), so the workers
 * go on with later messages instead of standing idle.
 */
export const WINDOW_PER_WORKER = 16;

/** `--jobs N` (a positive whole number), or the core count. */
export function jobsOption(values: readonly string[] | undefined): number {
  const text = values?.[values.length - 1];
  if (text === undefined) return availableParallelism();
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 256) throw new UsageError(`--jobs needs a whole number from 1 to 256, not "${text}"`);
  return Number(text);
}

/** How a record names a message: the file, or FILE#INDEX for one inside an mbox. */
export function sourceName(source: MessageSource): string {
  return source.index === undefined ? source.file : `${source.file}#${source.index}`;
}

export async function* runMessages(options: RunMessagesOptions): AsyncGenerator<MessageResult> {
  if (options.paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  const planned = await planInputs(options.paths, options.onNote);
  const tty = Boolean(process.stderr.isTTY);
  const progress = tty || options.progress ? new Progress({ tty, ...(planned.totalBytes ? { totalBytes: planned.totalBytes } : {}) }) : undefined;
  tuneJit();
  const pool = new WorkerPool({
    module: await taskModuleUrl(new URL('./pool/message-task.ts', import.meta.url)),
    jobs: options.jobs,
    init: { ...options.init, sharedPdf: true },
    onCall: async (method, args) => {
      // One PDF extraction thread for all workers (see TaskInit.sharedPdf); it runs beside this thread, never on it.
      if (method === 'pdfText') return extractPdfText(args[0] as Uint8Array);
      if (method !== 'lookup' || !options.reputation) throw new Error(`unknown call ${method}`);
      return options.reputation.lookup(args[0] as string[], new Date(args[1] as string));
    },
  });
  const work = async (input: InputMessage): Promise<MessageResult> => {
    const source: MessageSource = { file: input.file, ...(input.index !== undefined ? { index: input.index, offset: input.offset } : {}) };
    if (input.error !== undefined) return { ...source, error: input.error };
    try {
      const bytes = input.bytes;
      const output = await pool.run<TaskOutput>({ format: input.format, bytes, name: sourceName(source) }, [bytes.buffer as ArrayBuffer]);
      return { ...source, output };
    } catch (error) {
      return { ...source, error: (error as Error).message || String(error) };
    }
  };
  try {
    const inputs = readInputs(planned.files, { ...(progress ? { counter: { add: (n: number) => progress.addBytes(n) } } : {}), ...(options.mboxFormat ? { mboxFormat: options.mboxFormat } : {}) });
    const sharedTerminal = Boolean(process.stdout.isTTY);
    const ready = () => pool.whenFree(IN_FLIGHT_PER_WORKER);
    for await (const result of orderedMap(inputs, pool.size * WINDOW_PER_WORKER, work, ready)) {
      if (sharedTerminal) progress?.clear();
      yield result;
      progress?.done(result.error !== undefined);
    }
  } finally {
    progress?.finish();
    await pool.close();
  }
}
