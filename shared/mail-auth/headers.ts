import type { MailMessage } from '../types.ts';

type Header = MailMessage['headers'][number];

interface HeaderIndex {
  length: number;
  first: Header | undefined;
  last: Header | undefined;
  byName: Map<string, Header[]>;
}

// A message's headers by lower-case name, built once: a scan asks for them dozens of times. Rebuilt when
// the list changed length or ends (a test adding a header); values are read from the header at each call.
const indexes = new WeakMap<readonly Header[], HeaderIndex>();

function headerIndex(headers: readonly Header[]): Map<string, Header[]> {
  const known = indexes.get(headers);
  if (known && known.length === headers.length && known.first === headers[0] && known.last === headers[headers.length - 1]) return known.byName;
  const byName = new Map<string, Header[]>();
  for (const header of headers) {
    const key = header.name.toLowerCase();
    const list = byName.get(key);
    if (list) list.push(header);
    else byName.set(key, [header]);
  }
  indexes.set(headers, { length: headers.length, first: headers[0], last: headers[headers.length - 1], byName });
  return byName;
}

/** Every value of a header, top (most recently added) first, as the message lists them. */
export function headerValues(message: MailMessage, name: string): string[] {
  const found = headerIndex(message.headers).get(name.toLowerCase());
  return found ? found.map((h) => h.value) : [];
}

export function firstHeader(message: MailMessage, name: string): string | undefined {
  return headerValues(message, name)[0];
}

export function hasHeader(message: MailMessage, name: string): boolean {
  return headerValues(message, name).length > 0;
}

/** The address inside `Name <addr>` or a bare address; lowercase. */
export function addressIn(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
  const bare = angle ? angle[1] : /[^\s<>"',;]+@[^\s<>"',;]+/.exec(value)?.[0];
  return bare?.toLowerCase();
}

/** Domain part of an address, lowercase, without a trailing dot. */
export function domainOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const at = address.lastIndexOf('@');
  if (at < 0) return undefined;
  const domain = address.slice(at + 1).replace(/[>\s]+$/, '').replace(/\.$/, '').toLowerCase();
  return domain || undefined;
}

/** True when `domain` is `base` or one of its subdomains. */
export function isWithin(domain: string | undefined, base: string): boolean {
  if (!domain) return false;
  const d = domain.toLowerCase();
  const b = base.toLowerCase();
  return d === b || d.endsWith(`.${b}`);
}

export function isWithinAny(domain: string | undefined, bases: readonly string[]): boolean {
  return bases.some((b) => isWithin(domain, b));
}

/** The sender addresses a platform claim can rest on: From, Sender, Return-Path, Reply-To. */
export function senderAddresses(message: MailMessage): { from?: string; sender?: string; returnPath?: string; replyTo: string[] } {
  const from = message.from?.address?.toLowerCase() || addressIn(firstHeader(message, 'from'));
  const sender = message.sender?.address?.toLowerCase() || addressIn(firstHeader(message, 'sender'));
  const returnPath = addressIn(firstHeader(message, 'return-path'));
  const replyTo = message.replyTo.map((a) => a.address.toLowerCase()).filter(Boolean);
  if (replyTo.length === 0) {
    const header = addressIn(firstHeader(message, 'reply-to'));
    if (header) replyTo.push(header);
  }
  const out: { from?: string; sender?: string; returnPath?: string; replyTo: string[] } = { replyTo };
  if (from) out.from = from;
  if (sender) out.sender = sender;
  if (returnPath) out.returnPath = returnPath;
  return out;
}

/** Message-ID without angle brackets, from the parsed field or the header. */
export function messageIdOf(message: MailMessage): string | undefined {
  const raw = message.messageId || firstHeader(message, 'message-id');
  return raw?.trim().replace(/^<|>$/g, '') || undefined;
}
