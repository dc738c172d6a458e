// Parses a raw header block (Gmail's "Show original") with postal-mime, in the worker, not in the page.
// Bounded first, in one linear pass: the block, the number of headers and each header's length are capped
// (address lists harder), so a 240 KB Reply-To costs what 8 KB does.
import PostalMime from 'postal-mime';
import type { Address, Header } from '../../shared/types.ts';
import { mailboxes, MAX_ADDRESS_FIELD_CHARS } from '../lib/addresses.ts';

export const MAX_HEADER_BLOCK_CHARS = 256 * 1024;
export const MAX_HEADER_CHARS = 32 * 1024;
export const MAX_HEADERS = 500;
/** Headers postal-mime reads as address lists: capped at MAX_ADDRESS_FIELD_CHARS. */
const ADDRESS_HEADERS = new Set(['from', 'sender', 'reply-to', 'to', 'cc', 'bcc', 'delivered-to', 'return-path']);

export interface ParsedHeaders {
  headers: Header[];
  subject: string;
  from: Address | null;
  sender?: Address;
  replyTo: Address[];
  to: Address[];
  date: string | null;
  messageId?: string;
}

export async function parseHeaderBlock(raw: string): Promise<ParsedHeaders> {
  const block = capHeaderBlock(raw);
  if (!block) return { headers: [], subject: '', from: null, replyTo: [], to: [], date: null };
  const email = await PostalMime.parse(`${block}\r\n\r\n`);
  const parsed: ParsedHeaders = {
    headers: email.headers.map((h) => ({ name: h.originalKey, value: h.value })),
    subject: (email.subject ?? '').trim(),
    from: mailboxes(email.from)[0] ?? null,
    replyTo: mailboxes(email.replyTo),
    to: mailboxes(email.to),
    date: isoDate(email.date),
  };
  const sender = mailboxes(email.sender)[0];
  if (sender && sender.address !== parsed.from?.address) parsed.sender = sender;
  const messageId = email.messageId?.trim();
  if (messageId) parsed.messageId = messageId;
  return parsed;
}

/**
 * The header block of a raw message (up to the first empty line), with at most MAX_HEADERS headers of at
 * most MAX_HEADER_CHARS each, address lists MAX_ADDRESS_FIELD_CHARS (folded lines included), in CRLF form. Lines that are not headers are left
 * out with their continuations.
 */
export function capHeaderBlock(raw: string): string {
  const out: string[] = [];
  let headers = 0;
  let current = 0;
  let limit = MAX_HEADER_CHARS;
  let keep = false;
  let start = 0;
  let total = 0;
  while (start < raw.length && total < MAX_HEADER_BLOCK_CHARS) {
    let end = raw.indexOf('\n', start);
    if (end === -1) end = raw.length;
    const line = raw.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    if (line === '') break;
    if (line[0] === ' ' || line[0] === '\t') {
      if (!keep) continue;
      const room = limit - current;
      if (room <= 0) continue;
      const part = line.slice(0, room);
      out.push(part);
      current += part.length;
      total += part.length + 2;
      continue;
    }
    keep = /^[!-9;-~]+:/.test(line);
    if (!keep) continue;
    if (++headers > MAX_HEADERS) break;
    limit = ADDRESS_HEADERS.has(line.slice(0, line.indexOf(':')).toLowerCase()) ? MAX_ADDRESS_FIELD_CHARS : MAX_HEADER_CHARS;
    const part = line.slice(0, limit);
    out.push(part);
    current = part.length;
    total += part.length + 2;
  }
  return out.join('\r\n');
}

function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
