// Gmail (mail.google.com). Each message of an opened conversation is a div.adn.ads with data-message-id;
// subject h2.hP, sender span.gD[email], recipients span.g2[email], date span.g3[title], body div.a3s.
// Headers come from Gmail's "Show original" view of the same message (one request per message), where Gmail
// serves it; the banner waits for them only briefly (judge-message.ts) and is judged again if they come later.
import type { Address, MailMessage } from '../../../shared/types.ts';
import { readVisibleText } from '../read-visible-text.ts';
import { ask } from '../../lib/background-client.ts';
import type { ParsedHeaders } from '../../background/parse-header-block.ts';
import { registerProvider, type OpenedMessage, type WebmailProvider } from '../registry.ts';
import { readPageImages, showsPictures } from '../read-page-images.ts';
import { readRaw } from './gmail-raw.ts';

/** Gmail's attachment area under a message (chips with the file names). */
const ATTACHMENTS = 'div.aQH, span.aZo';

export const gmail: WebmailProvider = {
  id: 'gmail',
  matches: (l) => l.hostname === 'mail.google.com',

  findOpenedMessages(root) {
    const found: OpenedMessage[] = [];
    for (const body of root.querySelectorAll('div.a3s')) {
      if (!body.hasChildNodes() || body.parentElement?.closest('div.a3s')) continue;
      const container = body.closest('div.adn, [data-message-id], [data-legacy-message-id]') ?? body.parentElement ?? body;
      found.push({ container, body, key: container.getAttribute('data-message-id') ?? container.getAttribute('data-legacy-message-id') });
    }
    return found;
  },

  async readMessage({ container, body }) {
    const { text, hiddenText, links } = readVisibleText(body);
    const sender = container.querySelector('span.gD[email]');
    const from: Address | null = sender
      ? { address: (sender.getAttribute('email') ?? '').toLowerCase(), name: sender.getAttribute('name') ?? sender.textContent?.trim() ?? '' }
      : null;
    const to = [...container.querySelectorAll('span.g2[email]')].map((el) => ({
      address: (el.getAttribute('email') ?? '').toLowerCase(),
      name: el.getAttribute('name') ?? el.textContent?.trim() ?? '',
    }));
    const view = container.closest('div[role="main"]') ?? document;
    const subject = view.querySelector('h2.hP')?.textContent?.trim() ?? '';
    return {
      subject,
      from,
      replyTo: [],
      to,
      date: isoDate(container.querySelector('span.g3[title]')?.getAttribute('title')),
      headers: [],
      text,
      hiddenText,
      parts: [],
      attachments: [],
      links,
    } satisfies MailMessage;
  },

  async addHeaders({ container }, message, signal) {
    const { block, html } = await readRaw(container, signal);
    if (!block) return null;
    // Un-escaped, cut and parsed by postal-mime in the worker: the page only fetches the text.
    const parsed = await ask<ParsedHeaders>({ type: 'parse-headers', raw: block, ...(html ? { html } : {}) });
    if (signal.aborted || parsed.headers.length === 0) return null;
    return {
      ...message,
      subject: message.subject || parsed.subject,
      from: message.from ?? parsed.from,
      ...(parsed.sender ? { sender: parsed.sender } : {}),
      replyTo: parsed.replyTo,
      to: message.to.length > 0 ? message.to : parsed.to,
      date: parsed.date ?? message.date,
      messageId: parsed.messageId ?? message.messageId,
      headers: parsed.headers,
    };
  },

  showsPictures: ({ container, body }) => showsPictures(body) || container.querySelector(ATTACHMENTS) !== null,

  // Image attachments, inline (cid:) pictures and PDFs from "Show original" (the same request as the headers);
  // the pictures the page loaded only when Gmail did not serve the whole message (OCR, #12).
  async readPictures({ container, body }, wanted, signal) {
    const { whole, hasPdf } = await readRaw(container, signal);
    // The rest of the raw message is downloaded only when it will be read.
    const raw = whole ? await whole(wanted || hasPdf) : null;
    if (!wanted && !hasPdf) return { images: [] };
    if (raw) return { images: [], raw };
    return { images: wanted ? await readPageImages(body, signal) : [] };
  },
};

function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value.replace(/\bat\b/, ''));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

registerProvider(gmail);

// Try it on: test/fixtures/webmail/gmail/ (npm start opens it at https://mail.google.com/mail/u/0/).
