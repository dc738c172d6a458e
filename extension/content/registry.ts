// A small registry of webmail providers (one file each under providers/). A provider that matches the page
// starts watching it; its observers are torn down by the AbortSignal it is given.
import type { MailMessage } from '../../shared/types.ts';
import { browser } from '../lib/browser-api.ts';
import type { ContentRequest, PageImage, RawMessageText, WebmailSurface } from '../lib/messages.ts';
import { watchMessages } from './watch-messages.ts';
import { ask } from '../lib/background-client.ts';

export interface OpenedMessage {
  /** The element that holds one message (a conversation shows several). */
  container: Element;
  /** The rendered body; the banner goes just above it. */
  body: Element;
  /** Stable id of the message across re-renders, when the page exposes one. */
  key: string | null;
}

export interface WebmailProvider {
  id: WebmailSurface;
  matches(location: Location): boolean;
  /** Every opened message whose body is in the DOM. Called on each batch of mutations: keep it cheap. */
  findOpenedMessages(root: Document): OpenedMessage[];
  /** Builds the MailMessage from the DOM (and the raw source where the webmail offers it). */
  readMessage(opened: OpenedMessage, signal: AbortSignal): Promise<MailMessage>;
  /** Where the webmail serves the raw message: the same message with its headers, or null. */
  addHeaders?(opened: OpenedMessage, message: MailMessage, signal: AbortSignal): Promise<MailMessage | null>;
  /** True when the page shows pictures or attachments with the message (OCR is warmed when its text calls for them). */
  showsPictures?(opened: OpenedMessage): boolean;
  /**
   * The message's pictures for OCR in the extension's OCR document: the raw message where the webmail serves
   * it, else the pictures the page loaded. `wanted`: the text calls for reading pictures; when it does not,
   * only a raw message holding a PDF is handed over (a PDF without text is read whatever the text says).
   */
  readPictures?(opened: OpenedMessage, wanted: boolean, signal: AbortSignal): Promise<Pictures>;
}

export interface Pictures {
  images: PageImage[];
  raw?: RawMessageText;
}

const started = new Set<string>();

export function registerProvider(provider: WebmailProvider, signal?: AbortSignal): void {
  if (started.has(provider.id) || !provider.matches(location)) return;
  started.add(provider.id);
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort(), { once: true });
  // An extension update or uninstall invalidates this script: stop observing the page.
  addEventListener('pagehide', (event) => { if (!event.persisted) controller.abort(); }, { once: true });
  // Wakes the worker, which warms the core up before the reader opens a message.
  void ask({ type: 'hello' }).catch(() => {});
  const watch = watchMessages(provider, controller.signal);
  const onMessage = (request: unknown) => {
    if ((request as ContentRequest | undefined)?.type === 'rejudge') watch.rejudge();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  controller.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
}
