// Every message of every input, in order: .eml and .msg files, mbox files (streamed), Maildir and other
// folders (expanded by collectEmlFiles), any of them gzipped, and `-` for standard input.
import { readFile, stat } from 'node:fs/promises';
import { collectEmlFiles } from '../collect-files.ts';
import { fileHead, openSniffed, readWhole, type ReadCounter } from './open-bytes.ts';
import { sniffFormat } from './sniff-format.ts';
import { readMbox, type MboxFormat } from './mbox-format.ts';
import { MAX_MESSAGE_BYTES, type InputMessage } from './types.ts';
import { knownReason } from './error-reason.ts';

export interface ReadInputsOptions {
  /** Told about leave-outs worth a line on standard error (a folder reached twice through a link). */
  onNote?: (note: string) => void;
  /** Counts bytes read, for the progress line. */
  counter?: ReadCounter;
  maxMessageBytes?: number;
  /** How mbox files quote `From ` lines (--mbox-format); auto by default. */
  mboxFormat?: MboxFormat;
}

/** Paths and their total size on disk, when every input is a regular file or folder (not `-`). */
export interface PlannedInputs {
  files: { file: string; error?: string }[];
  totalBytes: number | undefined;
}

/** Expands the PATH arguments (folders, Maildirs) and adds up their sizes for an ETA. */
export async function planInputs(paths: readonly string[], onNote?: (note: string) => void): Promise<PlannedInputs> {
  // One walk for all paths, so a folder named twice (or reached through a link) is read once; `-` keeps its place.
  const { paths: found, notes } = await collectEmlFiles(paths);
  for (const note of notes) onNote?.(note);
  const stdin = paths.includes('-');
  const files: PlannedInputs['files'] = [];
  let totalBytes: number | undefined = stdin ? undefined : 0;
  for (const entry of found) {
    if (stdin && entry.file === '-') {
      files.push({ file: '-' });
      continue;
    }
    files.push(entry);
    if (totalBytes !== undefined && entry.error === undefined) {
      const size = await stat(entry.file).then((s) => (s.isFile() ? s.size : undefined), () => 0);
      totalBytes = size === undefined ? undefined : totalBytes + size;
    }
  }
  return { files, totalBytes };
}

/** Reads every planned input in order; an unreadable file or message becomes an error item and the rest goes on. */
export async function* readInputs(files: PlannedInputs['files'], options: ReadInputsOptions = {}): AsyncGenerator<InputMessage> {
  const maxBytes = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  for (const { file, error } of files) {
    if (error !== undefined) {
      yield { file, error };
      continue;
    }
    yield* readOne(file, maxBytes, options.counter, options.mboxFormat);
  }
}

async function* readOne(file: string, maxBytes: number, counter?: ReadCounter, mboxFormat?: MboxFormat): AsyncGenerator<InputMessage> {
  let index: number | undefined;
  let close: (() => void) | undefined;
  try {
    if (file !== '-') {
      const info = await stat(file);
      if (!info.isFile() && !info.isFIFO()) throw new Error('not a regular file');
      const kind = sniffFormat(await fileHead(file));
      // A plain message on disk is read in one call; streams are for mbox, gzip and pipes.
      if (info.isFile() && (kind === 'eml' || kind === 'msg')) {
        if (info.size > maxBytes) throw new Error(`message is ${(info.size / 1048576).toFixed(0)} MB, over the ${Math.round(maxBytes / 1048576)} MB limit`);
        const bytes = new Uint8Array(await readFile(file));
        counter?.add(bytes.length);
        yield { file, format: kind, bytes };
        return;
      }
    }
    const stream = await openSniffed(file, counter);
    close = stream.close;
    if (stream.kind !== 'mbox') {
      yield { file, format: stream.kind, bytes: await readWhole(stream.chunks, maxBytes) };
      return;
    }
    for await (const message of readMbox(file, stream.chunks, mboxFormat, maxBytes)) {
      index = message.index;
      yield message;
    }
  } catch (error) {
    // A read error part-way through an mbox (a corrupt gzip stream) ends that file with one error item.
    const after = index === undefined ? {} : { index: index + 1 };
    yield { file, ...after, error: readError(error) };
  } finally {
    close?.();
  }
}

function readError(error: unknown): string {
  const known = knownReason(error);
  return known ? `cannot read file: ${known}` : (error as Error).message || String(error);
}
