import PostalMime from 'postal-mime';
import type { Email } from 'postal-mime';
import { withCoalescingBlob } from './coalescing-blob.ts';
import { FastBase64Decoder } from './fast-base64-decoder.ts';

/** The text parts of one body position: a single part, or the representations of one multipart/alternative. */
export interface TextGroup {
  plain: string[];
  html: string[];
}

export interface PostalResult {
  email: Email;
  /** Body text parts in message order, each alternative grouped. */
  groups: TextGroup[];
  /** True when parsing stopped at the nesting or part limit and later parts were left out. */
  truncated: boolean;
}

// MIME nesting deeper than this is not parsed (real mail nests fewer than 10 levels); the parts above are kept.
export const MAX_MIME_DEPTH = 64;
// Parts after this many part boundaries are not parsed (real mail has tens); each costs a Blob in postal-mime.
export const MAX_MIME_BOUNDARIES = 2000;

// postal-mime 4 internals used here, checked at run time: `readLine` (over `buf`, `av`, `readPos`: a faster
// line split, fastReadLine), `processLine` and `currentNode` (to stop cleanly at
// the nesting and part limits instead of losing the whole message or spending seconds on hostile breadth) and `textMap` (text parts per body position, before postal-mime
// merges them and converts HTML with its own renderer). Without them the public output is used. package.json pins
// postal-mime to ~4.0.x so that an update that renames them is a deliberate change (test/mime/postal-mime-pin.test.ts).
interface PostalInternals {
  processLine?: (line: Uint8Array, isFinal: boolean) => Promise<void>;
  currentNode?: unknown;
  finalize?: () => Promise<void>;
  textMap?: unknown;
  readLine?: () => PostalLine;
  buf?: ArrayBuffer;
  av?: Uint8Array;
  readPos?: number;
}

/** One line as postal-mime's readLine gives it: the bytes without its line break, and whether it is the last. */
export interface PostalLine {
  bytes: Uint8Array;
  done: boolean;
}

/**
 * postal-mime's readLine with the line break found by the native indexOf instead of a byte-by-byte loop: the
 * same lines (the view up to the LF, trailing CRs dropped, a lone CR inside kept), read position and `done`.
 */
export function fastReadLine(this: { buf: ArrayBuffer; av: Uint8Array; readPos: number }): PostalLine {
  const { av } = this;
  const start = this.readPos;
  const lf = av.indexOf(0x0a, start);
  let end = lf === -1 ? av.length : lf;
  this.readPos = lf === -1 ? av.length : lf + 1;
  while (end > start && av[end - 1] === 0x0d) end--;
  return { bytes: new Uint8Array(this.buf, start, end - start), done: this.readPos >= av.length };
}

// Node's Buffer decodes base64 natively (FastBase64Decoder); where there is none, postal-mime's own decoder stays.
const fastBase64 = typeof (globalThis as { Buffer?: unknown }).Buffer === 'function';

interface PostalNode {
  contentDecoder?: unknown;
  contentTransferEncoding?: { encoding?: unknown };
}

/**
 * Gives a part whose base64 decoder postal-mime has just set up (at the blank line after its headers, before
 * any body line) a FastBase64Decoder instead: the same bytes come out. A decoder that already holds data is
 * left alone.
 */
function useFastBase64(node: unknown): void {
  const part = node as PostalNode | null | undefined;
  const decoder = part?.contentDecoder as { remainder?: unknown; chunks?: unknown } | null | undefined;
  if (!decoder || decoder instanceof FastBase64Decoder) return;
  if (decoder.remainder !== '' || !Array.isArray(decoder.chunks) || decoder.chunks.length !== 0) return;
  const encoding = part!.contentTransferEncoding?.encoding;
  if (typeof encoding !== 'string' || !/base64/i.test(encoding)) return;
  part!.contentDecoder = new FastBase64Decoder();
}

/** postal-mime's own limits (nesting depth, total header size): parsing stops there, what came before stays. */
function isLimitError(error: unknown): boolean {
  return error instanceof Error && /nesting depth|header size/i.test(error.message);
}

/** Runs postal-mime with every message/rfc822 part kept as an attachment (they are parsed apart). */
export async function runPostalMime(bytes: Uint8Array): Promise<PostalResult> {
  const parser = new PostalMime({ forceRfc822Attachments: true, maxNestingDepth: MAX_MIME_DEPTH });
  const internals = parser as unknown as PostalInternals;
  let truncated = false;
  const processLine = internals.processLine;
  const finalize = internals.finalize;
  if (typeof processLine === 'function' && typeof finalize === 'function') {
    let boundaries = 0;
    // Called once per line: a plain function chaining on postal-mime's promise (no async frame of its own).
    internals.processLine = function (line, isFinal) {
      if (truncated) return isFinal ? finalize.call(parser) : Promise.resolve();
      const node = internals.currentNode;
      return processLine.call(parser, line, isFinal).then(
        () => {
          const current = internals.currentNode;
          if (current !== node && ++boundaries >= MAX_MIME_BOUNDARIES) truncated = true;
          if (fastBase64) useFastBase64(current);
        },
        (error: unknown) => {
          if (!isLimitError(error)) throw error;
          truncated = true;
          return isFinal ? finalize.call(parser) : undefined;
        },
      );
    };
  }
  if (typeof internals.readLine === 'function') internals.readLine = fastReadLine as () => PostalLine;
  // A whole ArrayBuffer is parsed in place; postal-mime copies any view it is given.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  const input = whole ? (bytes.buffer as ArrayBuffer) : bytes;
  const email = await withCoalescingBlob(() => parser.parse(input));
  return { email, groups: textGroups(internals.textMap, email), truncated };
}

function stringsOf(items: unknown): string[] {
  if (!Array.isArray(items)) return [];
  const out: string[] = [];
  for (const item of items) {
    const entry = item as { type?: unknown; value?: unknown };
    if (entry.type === 'text' && typeof entry.value === 'string') out.push(entry.value);
  }
  return out;
}

function textGroups(textMap: unknown, email: Email): TextGroup[] {
  if (textMap instanceof Map) {
    const groups: TextGroup[] = [];
    for (const entry of textMap.values()) {
      const e = entry as { plain?: unknown; html?: unknown };
      groups.push({ plain: stringsOf(e.plain), html: stringsOf(e.html) });
    }
    return groups;
  }
  return [{ plain: email.text ? [email.text] : [], html: email.html ? [email.html] : [] }];
}
