// Judges one opened message, once: with its headers when the webmail serves them within a moment, else on
// what the page shows (the banner does not wait longer), and a second time only when headers arrive later.
// Each result goes to every subscriber (a message re-rendered by the webmail keeps its verdict).
import type { MailMessage } from '../../shared/types.ts';
import { ask } from '../lib/background-client.ts';
import type { ScanResponse } from '../lib/messages.ts';
import type { OpenedMessage, WebmailProvider } from './registry.ts';

/** How long the first scan waits for the headers ("Show original"), so that most messages are scanned once. */
export const HEADER_GRACE_MS = 150;

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
   * Runs the judgement. Resolves once the page's part is done (DOM read, headers fetched or waited for): the
   * scan in the worker goes on after that, so a slot of the queue is not held while the worker is busy.
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
    if (signal.aborted) return;
    const headers = this.provider.addHeaders?.(opened, message, signal).catch(() => null);
    const early = headers ? await within(headers, HEADER_GRACE_MS) : null;
    pageDone();
    if (signal.aborted) return;
    const read = early === LATE || !early ? message : early;
    const first = await scanIn(this.provider, read);
    if (signal.aborted) return;
    this.publish({ response: first, message: read });
    if (this.provider.readImages) void this.withPictures(opened, read, first, signal);
    if (early === LATE && headers) await this.withLateHeaders(headers, first, signal);
    else this.finish();
  }

  /** Headers that came after the banner: one more scan, and a new banner only if the verdict changed. */
  private async withLateHeaders(headers: Promise<MailMessage | null>, first: ScanResponse, signal: AbortSignal): Promise<void> {
    try {
      const enriched = await headers;
      if (!enriched || signal.aborted) return;
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

  /** The pictures the page shows, read in the OCR document where the message calls for it: a new banner only if the verdict changed. */
  private async withPictures(opened: OpenedMessage, read: MailMessage, first: ScanResponse, signal: AbortSignal): Promise<void> {
    try {
      const images = await this.provider.readImages!(opened, signal);
      if (images.length === 0 || signal.aborted) return;
      const second = await ask<ScanResponse | null>({ type: 'ocr', surface: this.provider.id, message: this.latest?.message ?? read, images });
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

function scanIn(provider: WebmailProvider, message: MailMessage): Promise<ScanResponse> {
  return ask<ScanResponse>({ type: 'scan', surface: provider.id, message });
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

