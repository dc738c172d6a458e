// Outlook on the web (outlook.office.com, outlook.live.com, outlook.cloud.microsoft). The reading pane
// (div[aria-label="Reading Pane"] / [role="main"]) shows one message or a conversation; each message body is
// a div[aria-label="Message body"]. Sender and date sit in the item's header; headers are not in the DOM.
import type { Address, MailMessage } from '../../../shared/types.ts';
import { readVisibleText } from '../read-visible-text.ts';
import { pageMailbox } from './outlook-sender.ts';
import { registerProvider, type OpenedMessage, type WebmailProvider } from '../registry.ts';
import { readPageImages, showsPictures } from '../read-page-images.ts';

const PANE = 'div[aria-label="Reading Pane"], div[aria-label="Reading pane"], [data-app-section="ReadingPane"], div[role="main"]';
const BODY = 'div[aria-label="Message body"]';
const ITEM = '[data-item-id], [data-convid], div[role="listitem"], div[aria-label="Email message"]';
const SENDER = '[data-testid="SenderPersona"], span.OZZZK, [aria-label^="From:"], [aria-label^="From "], span[title*="@"], button[title*="@"]';

export const outlookWeb: WebmailProvider = {
  id: 'outlook-web',
  matches: (l) => /^outlook\.(office|office365|live)\.com$|^outlook\.cloud\.microsoft$/.test(l.hostname),

  findOpenedMessages(root) {
    const found: OpenedMessage[] = [];
    for (const pane of root.querySelectorAll(PANE)) {
      for (const body of pane.querySelectorAll(BODY)) {
        if (!body.hasChildNodes() || found.some((f) => f.body === body)) continue;
        const container = body.closest(ITEM) ?? pane;
        found.push({ container, body, key: container.getAttribute('data-item-id') ?? contentKey(container, body) });
      }
    }
    return found;
  },

  async readMessage({ container, body }) {
    const { text, hiddenText, links } = readVisibleText(body);
    const pane = container.closest(PANE) ?? document;
    return {
      subject: readSubject(pane),
      from: readSender(container),
      replyTo: [],
      to: [],
      date: readDate(container),
      headers: [],
      text,
      hiddenText,
      parts: [],
      attachments: [],
      links,
    } satisfies MailMessage;
  },

  // OCR (#12) reads the pictures the reading pane loaded that are blob:, data: or from Outlook's own origin
  // (pictures on other hosts are not fetched again). Outlook exposes no URL of the raw message in the page (its
  // .eml download goes through its own authorised service calls), so an attachment shown only as a chip is not read.
  showsPictures: ({ body }) => showsPictures(body),
  readPictures: async ({ body }, wanted, signal) => ({ images: wanted ? await readPageImages(body, signal) : [] }),
};

/** Outlook exposes no stable message id in the DOM: sender, time and the start of the body stand in for one. */
function contentKey(container: Element, body: Element): string | null {
  const text = body.textContent?.trim().slice(0, 300) ?? '';
  if (!text) return null;
  const sender = container.querySelector(SENDER)?.textContent?.trim() ?? '';
  const time = container.querySelector('[data-testid="SentReceivedSavedTime"], time')?.textContent?.trim() ?? '';
  return `content:${sender}|${time}|${text}`;
}

function readSubject(pane: ParentNode): string {
  const heading = pane.querySelector('[data-app-section="SubjectLine"], div[role="heading"][aria-level="2"], [role="heading"]');
  return (heading?.getAttribute('title') || heading?.textContent || '').trim();
}

function readSender(container: Element): Address | null {
  for (const el of container.querySelectorAll(SENDER)) {
    const candidates = [el.getAttribute('title'), el.getAttribute('aria-label'), el.textContent];
    for (const text of candidates) {
      const mailbox = pageMailbox(text);
      if (mailbox) return mailbox;
    }
  }
  return null;
}

function readDate(container: Element): string | null {
  const el = container.querySelector('[data-testid="SentReceivedSavedTime"], time[datetime], [title][aria-label*="Sent"]');
  const value = el?.getAttribute('datetime') ?? el?.getAttribute('title') ?? el?.textContent ?? '';
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

registerProvider(outlookWeb);

// Try it on: test/fixtures/webmail/outlook-web/ (served at https://outlook.office.com/mail/ in the tests).
