// Judges one opened message, once: with its headers when the webmail serves them within a moment, else on
// what the page shows (the banner does not wait longer), and a second time only when headers arrive later
// (once no banner of the page is waiting for its first scan). Header fetches are capped over the page.
// Each result goes to every subscriber (a message re-rendered by the webmail keeps its verdict).
import type { MailMessage } from '../../shared/types.ts';
import { ask } from '../lib/background-client.ts';
import type { ScanResponse } from '../lib/messages.ts';
import type { OpenedMessage, WebmailProvider } from './registry.ts';
import { Limit } from '../lib/limit.ts';

/** How long the first scan waits for the headers ("Show original"), counted from the DOM read. */
export const HEADER_GRACE_MS = 150;
/** Header fetches running at once over the whole page (as many as a browser opens connections to a host). */
export const HEADER_FETCHES = 6;

const headerFetches = new Limit(HEADER_FETCHES);

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
    const headers = addHeaders
      ? headerFetches.run(signal, () => addHeaders.call(this.provider, opened, message, signal), null).catch(() => null)
      : undefined;
    const early = headers ? await within(headers, HEADER_GRACE_MS) : null;
    if (signal.aborted) return;
    const read = early === LATE || !early ? message : early;
    const first = await firstScan(this.provider, read, this.provider.showsPictures?.(opened) === true);
    if (signal.aborted) return;
    this.publish({ response: first, message: read });
    if (this.provider.readPictures) void this.withPictures(opened, read, first, signal);
    if (early === LATE && headers) await this.withLateHeaders(headers, first, signal);
    else this.finish();
  }

  /** Headers that came after the banner: one more scan, and a new banner only if the verdict changed. */
  private async withLateHeaders(headers: Promise<MailMessage | null>, first: ScanResponse, signal: AbortSignal): Promise<void> {
    try {
      const enriched = await headers;
      if (!enriched || signal.aborted) return;
      // A second look waits for the first looks of every message on the page: banners come before refinements.
      await firstScansDone();
      if (signal.aborted) return;
      const second = await scanIn(this.provider, enriched);
      if (signal.aborted) return;
      // Same verdict: keep the banner (and any open details) as it is, but report with the fuller identity.
      if (sameVerdict(first, second)) this.latest = { response: first, message: enriched };
      else this.publish({ response: second, message: enriched });
    } catch (error) {
      if (!signal.aborted) console.warn(`Ringfence: could not check this message's headers: ${(error as Error).message}`);
    } finally {
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

function scanIn(provider: WebmailProvider, message: MailMessage, pictures = false): Promise<ScanResponse> {
  return ask<ScanResponse>({ type: 'scan', surface: provider.id, message, ...(pictures ? { pictures } : {}) });
}

let firstScans = 0;
let whenFirstScansDone: (() => void)[] = [];

/** The scan a banner waits for; counted, so that second looks can keep out of its way. */
async function firstScan(provider: WebmailProvider, message: MailMessage, pictures: boolean): Promise<ScanResponse> {
  firstScans++;
  try {
    return await scanIn(provider, message, pictures);
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

