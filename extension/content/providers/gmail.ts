// Gmail (mail.google.com). Each message of an opened conversation is a div.adn.ads with data-message-id;
// subject h2.hP, sender span.gD[email], recipients span.g2[email], date span.g3[title], body div.a3s.
// Headers come from Gmail's "Show original" view of the same message (one request per message), where Gmail
// serves it; the banner waits for them only briefly (judge-message.ts) and is judged again if they come later.
import type { Address, MailMessage } from '../../../shared/types.ts';
import { readVisibleText } from '../read-visible-text.ts';
import { readTextPrefix } from '../read-text-prefix.ts';
import { ask } from '../../lib/background-client.ts';
import type { ParsedHeaders } from '../../background/parse-header-block.ts';
import { registerProvider, type OpenedMessage, type WebmailProvider } from '../registry.ts';
import { InFlight } from '../in-flight.ts';
import { readPageImages } from '../read-page-images.ts';

const RAW_LIMIT = 512 * 1024;
/** Only the header block goes to the worker; the worker caps it again. */
const HEADER_BLOCK_LIMIT = 256 * 1024;

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
    const block = await readRawHeaderBlock(container, signal);
    if (!block) return null;
    // Parsed by postal-mime in the worker: the page only fetches the text.
    const parsed = await ask<ParsedHeaders>({ type: 'parse-headers', raw: block });
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

  // Inline pictures and attachment previews of the message, as the page loaded them (OCR, #12).
  readImages: ({ container }, signal) => readPageImages(container, signal),
};

const rawFetches = new InFlight<string>();

/** The message's raw header block from "Show original", one request per message at a time; '' when unavailable. */
async function readRawHeaderBlock(container: Element, signal: AbortSignal): Promise<string> {
  const id = permanentId(container);
  if (!id) return '';
  return rawFetches.run(id, signal, (shared) => fetchRawHeaderBlock(id, shared), '');
}

async function fetchRawHeaderBlock(id: string, signal: AbortSignal): Promise<string> {
  const account = /\/mail\/u\/(\d+)/.exec(location.pathname)?.[1] ?? '0';
  const ik = findIk();
  const base = `/mail/u/${account}/?${ik ? `ik=${encodeURIComponent(ik)}&` : ''}view=om&permmsgid=${encodeURIComponent(id)}`;
  try {
    const response = await fetch(base, { credentials: 'include', signal });
    if (!response.ok) return '';
    const text = await readTextPrefix(response, RAW_LIMIT);
    const raw = (response.headers.get('content-type') ?? '').includes('html')
      ? (new DOMParser().parseFromString(text, 'text/html').querySelector('#raw_message_text, pre')?.textContent ?? '')
      : text;
    const end = raw.search(/\r?\n\r?\n/);
    return (end === -1 ? raw : raw.slice(0, end)).slice(0, HEADER_BLOCK_LIMIT);
  } catch {
    return '';
  }
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

function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value.replace(/\bat\b/, ''));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

registerProvider(gmail);

// Try it on: test/fixtures/webmail/gmail/ (npm start opens it at https://mail.google.com/mail/u/0/).
