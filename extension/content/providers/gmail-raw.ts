// Gmail's "Show original" of one message, fetched once (one request per message at a time): its header block
// for the judgement, and, when the raw message holds pictures or PDFs, the whole of it (bounded) for OCR in the
// extension's OCR document, from the same request. The raw text goes to the worker as it came (HTML or
// plain): parsing it is the worker's job, not the page's.
import type { RawMessageText } from '../../lib/messages.ts';
import { InFlight } from '../in-flight.ts';

/** Read before the header block is handed on. */
const RAW_LIMIT = 512 * 1024;
/** At most this much of the message's start goes to the worker for the headers; the worker caps the block again. */
const HEADER_BLOCK_LIMIT = 256 * 1024;
/** A raw message with pictures is read on up to this many characters (base64 included); a larger one is left to the page's pictures. */
export const RAW_PICTURES_LIMIT = 24 * 1024 * 1024;
/** How long the rest of a raw message with pictures waits for the OCR step to ask for it. */
const READ_ON_WAIT_MS = 10_000;
/** A MIME part that OCR may read: a picture or a PDF (or a generic binary, which may be either). */
const PICTURE_PART = /^content-type:[ \t]*(?:image\/|application\/(?:pdf|x-pdf|octet-stream))/im;
const PDF_PART = /^content-type:[ \t]*application\/(?:x-)?pdf|\.pdf(?:"|\r?$)/im;

export interface RawRead {
  /** The start of what Gmail served, holding the header block; '' when Gmail did not serve the message. */
  block: string;
  /** Gmail served an HTML page holding the raw message (its "Show original" view). */
  html: boolean;
  /**
   * When the raw message holds pictures or PDFs: reads the rest of it (`want`), or stops the download. The
   * first call decides (later ones share its answer); null when it is too large, the read failed, or it was
   * not wanted. Not asked for within READ_ON_WAIT_MS, the download stops.
   */
  whole: ((want: boolean) => Promise<RawMessageText | null>) | null;
  /** The raw message holds a PDF part (read whatever the text says when its pages have no text). */
  hasPdf: boolean;
}

const NOTHING: RawRead = { block: '', html: false, whole: null, hasPdf: false };
const reads = new InFlight<RawRead>();
/** What was read for a message element, kept while Gmail shows it: the OCR step and a new look reuse it. */
const readFor = new WeakMap<Element, Promise<RawRead>>();

/** The raw message of the Gmail message in `container`, shared with every caller asking meanwhile. */
export function readRaw(container: Element, signal: AbortSignal): Promise<RawRead> {
  const kept = readFor.get(container);
  if (kept) return kept;
  const id = permanentId(container);
  if (!id) return Promise.resolve(NOTHING);
  const read = reads.run(id, signal, (shared) => fetchRaw(id, shared).catch(() => NOTHING), NOTHING);
  readFor.set(container, read);
  // A read given up (the message left, or Gmail failed) is not kept: the next look asks again.
  void read.then((value) => {
    if (value === NOTHING && readFor.get(container) === read) readFor.delete(container);
  });
  return read;
}

async function fetchRaw(id: string, signal: AbortSignal): Promise<RawRead> {
  const account = /\/mail\/u\/(\d+)/.exec(location.pathname)?.[1] ?? '0';
  const ik = findIk();
  const url = `/mail/u/${account}/?${ik ? `ik=${encodeURIComponent(ik)}&` : ''}view=om&permmsgid=${encodeURIComponent(id)}`;
  const response = await fetch(url, { credentials: 'include', signal });
  if (!response.ok || !response.body) return NOTHING;
  const html = (response.headers.get('content-type') ?? '').includes('html');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let length = 0;
  let done = false;
  while (!done && length < RAW_LIMIT) ({ done, length } = await readOn(reader, decoder, parts, length));
  const prefix = parts.join('');
  // The header block, still HTML-escaped in Gmail's page: the worker un-escapes, caps and parses it.
  const start = html ? Math.max(0, prefix.indexOf('<pre')) : 0;
  const end = prefix.slice(start, start + HEADER_BLOCK_LIMIT).search(/\r?\n\r?\n/);
  const block = prefix.slice(start, start + (end === -1 ? HEADER_BLOCK_LIMIT : end));
  if (!block || !PICTURE_PART.test(prefix)) {
    void reader.cancel().catch(() => {});
    return { block, html, whole: null, hasPdf: false };
  }
  const stop = () => void reader.cancel().catch(() => {});
  const idle = setTimeout(stop, READ_ON_WAIT_MS);
  let answer: Promise<RawMessageText | null> | undefined;
  const readRest = async (): Promise<RawMessageText | null> => {
    while (!done) {
      if (length > RAW_PICTURES_LIMIT) {
        stop();
        return null;
      }
      ({ done, length } = await readOn(reader, decoder, parts, length));
    }
    return { text: parts.join(''), html };
  };
  const whole = (want: boolean) => {
    clearTimeout(idle);
    return (answer ??= want ? readRest().catch(() => null) : (stop(), Promise.resolve(null)));
  };
  return { block, html, whole, hasPdf: PDF_PART.test(prefix) };
}

async function readOn(reader: ReadableStreamDefaultReader<Uint8Array>, decoder: TextDecoder, parts: string[], length: number): Promise<{ done: boolean; length: number }> {
  const { done, value } = await reader.read();
  const part = done ? decoder.decode() : decoder.decode(value, { stream: true });
  parts.push(part);
  return { done, length: length + part.length };
}

/** "msg-f:1791…" from data-message-id, or from the hexadecimal data-legacy-message-id. */
function permanentId(container: Element): string | null {
  const id = container.getAttribute('data-message-id')?.replace(/^#/, '');
  if (id?.startsWith('msg-')) return id;
  const legacy = container.getAttribute('data-legacy-message-id');
  if (legacy && /^[0-9a-f]{1,16}$/i.test(legacy)) return `msg-f:${BigInt(`0x${legacy}`).toString()}`;
  return null;
}

let cachedIk: string | null | undefined;
/**
 * Gmail's per-account key ("ik"). A content script cannot read the page's variables, so it is read from the
 * page's inline data: `_GM_setData({"…":[…, …, IK, …]})`, the older `GLOBALS=[…]` (index 9), or a link.
 */
function findIk(): string | null {
  if (cachedIk) return cachedIk;
  const IK = /^[0-9a-f]{6,16}$/;
  for (const script of document.scripts) {
    const text = script.text.slice(0, 200_000);
    const setData = /_GM_setData\((\{[\s\S]*\})\)/.exec(text)?.[1];
    if (setData) {
      try {
        const data = JSON.parse(setData) as Record<string, unknown[]>;
        const candidate = Object.values(data)[0]?.[2];
        if (typeof candidate === 'string' && IK.test(candidate)) return (cachedIk = candidate);
      } catch {
        // not JSON: try the next form
      }
    }
    const globals = /GLOBALS\s*=\s*\[(?:[^\],]*,){9}\s*"([0-9a-f]{6,16})"/.exec(text);
    if (globals?.[1]) return (cachedIk = globals[1]);
  }
  const link = document.querySelector('a[href*="ik="]')?.getAttribute('href');
  const fromLink = link ? /[?&]ik=([0-9a-f]{6,16})/.exec(link)?.[1] : undefined;
  return (cachedIk = fromLink ?? null);
}
