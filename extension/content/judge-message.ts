// Judges one opened message, once: with its headers when the webmail serves them soon (within a moment of the
// request; a request waiting behind others of a long conversation is waited for when it is expected back
// soon), else on what the page shows, and then, when the headers arrive later (once no banner of the page is
// waiting for its first scan), again with them on the body the worker read the first time (not read again).
// Header requests are capped over the page (header-requests.ts). Each result goes to every subscriber (a
// message re-rendered by the webmail keeps its verdict).
import type { MailMessage } from '../../shared/types.ts';
import { ask } from '../lib/background-client.ts';
import type { ScanResponse } from '../lib/messages.ts';
import type { OpenedMessage, WebmailProvider } from './registry.ts';
import { HeaderRequests, type HeaderRequest } from './header-requests.ts';

export { HEADER_FETCHES } from './header-requests.ts';

/** How long the first scan waits for the headers ("Show original"), counted from their request. */
export const HEADER_GRACE_MS = 150;
/**
 * A first scan whose header request waits for a place (others of a long conversation ahead of it) waits for
 * it when its headers are expected within this many ms, and no longer than twice what was expected. One whose
 * headers are not expected that soon is scanned at once on what the page shows (its banner is not held back),
 * and judged again on that scan's body when they come.
 */
export const HEADER_WAIT_MS = 1_000;

const headerRequests = new HeaderRequests();

export interface Judged {
  response: ScanResponse;
  message: MailMessage;
}

type Listener = (judged: Judged) => void;

const LATE = Symbol('late');

export class MessageJudgement {
  latest: Judged | undefined;
  /** Nothing more will be published: the headers were used, or there were none to wait for. */
  settled = false;
  private readonly listeners = new Set<Listener>();
  private readonly controller = new AbortController();
  private opened: OpenedMessage | undefined;
  private readonly stopWithPage: () => void;

  constructor(
    private readonly provider: WebmailProvider,
    opened: OpenedMessage,
    private readonly pageSignal: AbortSignal,
  ) {
    this.opened = opened;
    this.stopWithPage = () => this.cancel();
    if (pageSignal.aborted) this.cancel();
    else pageSignal.addEventListener('abort', this.stopWithPage, { once: true });
  }

  /** Of no more use: cancelled, or finished without a verdict (it failed). A new judgement is needed. */
  get stale(): boolean {
    return this.controller.signal.aborted || (this.settled && !this.latest);
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  /** Calls the listener with the verdict (now, when there is one); returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    const own = (judged: Judged) => listener(judged);
    this.listeners.add(own);
    if (this.latest) own(this.latest);
    return () => this.listeners.delete(own);
  }

  /** Stops the work (its message left the page): no fetch or scan result is used any more. */
  cancel(): void {
    this.controller.abort();
    this.finish();
  }

  /**
   * Runs the judgement. Resolves once the page's part (the DOM read) is done: header fetch and scans go on
   * after that, so a slot of the queue is held neither for the network nor for the worker.
   */
  start(): Promise<void> {
    const { signal } = this.controller;
    const opened = this.opened;
    this.opened = undefined;
    if (!opened || signal.aborted) return Promise.resolve();
    let pageDone!: () => void;
    const done = new Promise<void>((resolve) => (pageDone = resolve));
    // Removed again once done: a listener left on the signal would keep this message's elements alive.
    signal.addEventListener('abort', pageDone, { once: true });
    this.run(opened, signal, pageDone).catch((error: unknown) => {
      if (!signal.aborted) console.warn(`Ringfence: could not check this message: ${(error as Error).message}`);
      this.finish();
      pageDone();
    });
    return done.finally(() => signal.removeEventListener('abort', pageDone));
  }

  private async run(opened: OpenedMessage, signal: AbortSignal, pageDone: () => void): Promise<void> {
    const message = await this.provider.readMessage(opened, signal);
    pageDone();
    if (signal.aborted) return;
    const { addHeaders } = this.provider;
    const request = addHeaders ? headerRequests.request(signal, () => addHeaders.call(this.provider, opened, message, signal), null) : undefined;
    const headers = request?.result.catch(() => null);
    const early = request && headers ? await headersInTime({ ...request, result: headers }) : null;
    if (signal.aborted) return;
    const read = early === LATE || !early ? message : early;
    const key = opened.key ?? undefined;
    // Headers still coming for a message with a key: the worker keeps the body it reads for them.
    const later = early === LATE && headers ? headers : undefined;
    const keepBody = Boolean(later && key);
    let kept = keepBody;
    try {
      const first = await firstScan(this.provider, read, this.provider.showsPictures?.(opened) === true, key, keepBody);
      if (signal.aborted) return;
      this.publish({ response: first, message: read });
      if (this.provider.readPictures) void this.withPictures(opened, read, first, signal);
      if (later) {
        kept = false;
        await this.withLateHeaders(later, first, signal, key, keepBody);
      } else this.finish();
    } finally {
      // The message left (or the scan failed) before its headers were used: the worker may forget its body.
      if (kept && key) dropBody(key);
    }
  }

  /**
   * Headers that came after the banner: the message judged again with them (on the body the worker kept from
   * the first scan, when `keptBody`), and a new banner only if the verdict changed.
   */
  private async withLateHeaders(headers: Promise<MailMessage | null>, first: ScanResponse, signal: AbortSignal, key: string | undefined, keptBody: boolean): Promise<void> {
    let used = false;
    try {
      const enriched = await headers;
      if (!enriched || signal.aborted) return;
      // A second look waits for the first looks of every message on the page: banners come before refinements.
      await firstScansDone();
      if (signal.aborted) return;
      used = true;
      const second = keptBody && key ? await scanHeaders(this.provider, enriched, key) : await scanIn(this.provider, enriched, false, key);
      if (signal.aborted) return;
      // Same verdict: keep the banner (and any open details) as it is, but report with the fuller identity.
      if (sameVerdict(first, second)) this.latest = { response: first, message: enriched };
      else this.publish({ response: second, message: enriched });
    } catch (error) {
      if (!signal.aborted) console.warn(`Ringfence: could not check this message's headers: ${(error as Error).message}`);
    } finally {
      if (keptBody && key && !used) dropBody(key);
      this.finish();
    }
  }

  /** The message's pictures, read in the OCR document where the message calls for it: a new banner only if the verdict changed. */
  private async withPictures(opened: OpenedMessage, read: MailMessage, first: ScanResponse, signal: AbortSignal): Promise<void> {
    try {
      const { images, raw } = await this.provider.readPictures!(opened, first.readPictures === true, signal);
      if ((images.length === 0 && !raw) || signal.aborted) return;
      const message = this.latest?.message ?? read;
      const second = await ask<ScanResponse | null>({ type: 'ocr', surface: this.provider.id, message, images, ...(raw ? { raw } : {}) });
      if (!second || signal.aborted || sameVerdict(first, second)) return;
      this.publish({ response: second, message: this.latest?.message ?? read });
    } catch (error) {
      if (!signal.aborted) console.warn(`Ringfence: could not read this message's pictures: ${(error as Error).message}`);
    }
  }

  private publish(judged: Judged): void {
    this.latest = judged;
    for (const listener of [...this.listeners]) listener(judged);
  }

  private finish(): void {
    this.settled = true;
    this.pageSignal.removeEventListener('abort', this.stopWithPage);
  }
}

/** `key` (the page's id of the message) lets the worker count scans per message; `keepBody`, keep the body read for `scanHeaders`. */
function scanIn(provider: WebmailProvider, message: MailMessage, pictures = false, key?: string, keepBody = false): Promise<ScanResponse> {
  return ask<ScanResponse>({ type: 'scan', surface: provider.id, message, ...(pictures ? { pictures } : {}), ...(key ? { key } : {}), ...(key && keepBody ? { keepBody } : {}) });
}

/** The message with the headers that came after its scan (kept body): judged by the worker without reading the body again. */
function scanHeaders(provider: WebmailProvider, message: MailMessage, key: string): Promise<ScanResponse> {
  return ask<ScanResponse>({ type: 'scan-headers', surface: provider.id, message, key });
}

function dropBody(key: string): void {
  ask<null>({ type: 'drop-body', key }).catch(() => {});
}

let firstScans = 0;
let whenFirstScansDone: (() => void)[] = [];

/** The scan a banner waits for; counted, so that second looks can keep out of its way. */
async function firstScan(provider: WebmailProvider, message: MailMessage, pictures: boolean, key: string | undefined, keepBody: boolean): Promise<ScanResponse> {
  firstScans++;
  try {
    return await scanIn(provider, message, pictures, key, keepBody);
  } finally {
    if (--firstScans === 0) {
      const waiting = whenFirstScansDone;
      whenFirstScansDone = [];
      for (const resolve of waiting) resolve();
    }
  }
}

function firstScansDone(): Promise<void> {
  return firstScans === 0 ? Promise.resolve() : new Promise((resolve) => whenFirstScansDone.push(resolve));
}

function sameVerdict(a: ScanResponse, b: ScanResponse): boolean {
  return a.show === b.show && JSON.stringify(a.verdict) === JSON.stringify(b.verdict);
}

/**
 * The headers if they come within HEADER_GRACE_MS of their request, else LATE. A request still waiting for a
 * place is waited for only when it is expected back within HEADER_WAIT_MS (and at most twice as long as expected).
 */
async function headersInTime(request: HeaderRequest<MailMessage | null>): Promise<MailMessage | null | typeof LATE> {
  const STARTED = Symbol('started');
  const placeWait = request.expectedMs <= HEADER_WAIT_MS ? Math.min(HEADER_WAIT_MS, 2 * request.expectedMs) : 0;
  const before = await within(Promise.race([request.result, request.started.then(() => STARTED)]), placeWait);
  if (before !== STARTED) return before as MailMessage | null | typeof LATE;
  return within(request.result, HEADER_GRACE_MS);
}

/** The promise's value if it settles within `ms`, else LATE. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof LATE>((resolve) => (timer = setTimeout(() => resolve(LATE), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

