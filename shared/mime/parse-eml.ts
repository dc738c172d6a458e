import type { Address as PostalAddress, Attachment as PostalAttachment, Email } from 'postal-mime';
import type { Address, Attachment, MailMessage, TextPart } from '../types.ts';
import { bodyText } from './body-text.ts';
import { calendarText } from './calendar-text.ts';
import { checkMailShape } from './check-mail-shape.ts';
import { MailParseError } from './mail-parse-error.ts';
import { runPostalMime, type PostalResult } from './run-postal-mime.ts';
import { textAttachmentText } from './text-attachment.ts';
import { repairC1 } from './windows-1252.ts';

export { MailParseError } from './mail-parse-error.ts';

// Attached messages are parsed this many levels down, and at most this many in all; deeper or further
// ones stay plain attachments.
const MAX_ATTACHED_DEPTH = 8;
const MAX_ATTACHED_MESSAGES = 64;

const MESSAGE_TYPES = new Set(['message/rfc822', 'message/global']);
const CALENDAR_TYPES = new Set(['text/calendar', 'application/ics', 'text/x-vcalendar']);

/** Counts attached messages across the whole tree, so ids are unique and the total is bounded. */
interface ParseState {
  attachedMessages: number;
}

/**
 * Parses a raw RFC 5322 message (an .eml file) into a MailMessage. Attached messages become
 * "message/rfc822:N" text parts (their attachments join the list), calendar invitations a "calendar" part.
 * Throws MailParseError for input that is not an e-mail message; damaged or truncated MIME yields
 * whatever is readable.
 */
export async function parseEml(raw: Uint8Array | ArrayBuffer | string): Promise<MailMessage> {
  return parseBytes(toBytes(raw), 0, { attachedMessages: 0 });
}

function toBytes(raw: Uint8Array | ArrayBuffer | string): Uint8Array {
  if (typeof raw === 'string') return new TextEncoder().encode(raw);
  if (raw instanceof Uint8Array) return raw;
  if (raw instanceof ArrayBuffer) return new Uint8Array(raw);
  throw new MailParseError('Not an e-mail message: expected bytes or a string');
}

async function parseBytes(bytes: Uint8Array, depth: number, state: ParseState): Promise<MailMessage> {
  const start = checkMailShape(bytes);
  let result: PostalResult;
  try {
    result = await runPostalMime(start === 0 ? bytes : bytes.subarray(start));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MailParseError(`Cannot parse the message: ${reason}`, { cause: error });
  }
  const { email, groups } = result;
  const body = bodyText(groups);

  const message: MailMessage = {
    subject: repairC1(email.subject ?? '').trim(),
    from: firstMailbox(email.from),
    replyTo: mailboxes(email.replyTo),
    to: mailboxes(email.to),
    date: isoDate(email),
    headers: email.headers.map((h) => ({ name: h.originalKey, value: h.value })),
    text: body.text,
    hiddenText: body.hidden,
    parts: [],
    attachments: [],
    links: body.links,
  };
  const sender = firstMailbox(email.sender);
  if (sender && sender.address.toLowerCase() !== message.from?.address.toLowerCase()) message.sender = sender;
  const messageId = email.messageId?.trim();
  if (messageId) message.messageId = messageId;
  if (body.html !== undefined) message.html = body.html;
  for (const plain of body.plainAlternatives) message.parts.push({ id: 'body:plain', text: plain });

  const calendars: string[] = [];
  const hidden: string[] = body.hidden ? [body.hidden] : [];
  const nested: TextPart[] = [];
  for (const [index, postal] of email.attachments.entries()) {
    const attachment = toAttachment(postal, index);
    const text = textAttachmentText(attachment);
    if (text !== undefined) attachment.text = text;
    if (isCalendar(attachment) && attachment.content) {
      const calendar = calendarText(repairC1(new TextDecoder().decode(attachment.content)));
      if (calendar.visible && !calendars.includes(calendar.visible)) calendars.push(calendar.visible);
      if (calendar.hidden) hidden.push(calendar.hidden);
    }
    if (MESSAGE_TYPES.has(attachment.mediaType) && attachment.content) {
      const inner = await parseAttached(attachment.content, depth, state);
      if (inner) {
        const { part, message: innerMessage } = inner;
        delete attachment.content;
        message.attachments.push(attachment);
        nested.push(part, ...innerMessage.parts.filter((p) => p.id.startsWith('message/rfc822:')));
        message.attachments.push(...innerMessage.attachments);
        message.links.push(...innerMessage.links);
        if (innerMessage.hiddenText) hidden.push(innerMessage.hiddenText);
        continue;
      }
    }
    message.attachments.push(attachment);
  }
  if (calendars.length) message.parts.push({ id: 'calendar', text: calendars.join('\n\n') });
  message.parts.push(...nested);
  message.hiddenText = hidden.join('\n');
  return message;
}

/** Parses an attached message into its text part; null when it is too deep, too many, or unreadable. */
async function parseAttached(
  content: Uint8Array,
  depth: number,
  state: ParseState,
): Promise<{ part: TextPart; message: MailMessage } | null> {
  if (depth + 1 > MAX_ATTACHED_DEPTH || state.attachedMessages >= MAX_ATTACHED_MESSAGES) return null;
  const id = `message/rfc822:${++state.attachedMessages}`;
  try {
    const message = await parseBytes(content, depth + 1, state);
    const calendar = message.parts.find((p) => p.id === 'calendar')?.text ?? '';
    const text = [message.subject, message.text, calendar].filter(Boolean).join('\n\n');
    return { part: { id, text }, message };
  } catch (error) {
    if (error instanceof MailParseError) return null;
    throw error;
  }
}

function isCalendar(attachment: Attachment): boolean {
  return CALENDAR_TYPES.has(attachment.mediaType) || /\.(ics|ical|ifb|vcs)$/i.test(attachment.name);
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': '.pdf',
  'text/calendar': '.ics',
  'application/ics': '.ics',
  'message/rfc822': '.eml',
  'message/global': '.eml',
  'text/plain': '.txt',
  'text/html': '.html',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
};

function toAttachment(postal: PostalAttachment, index: number): Attachment {
  const mediaType = (postal.mimeType || 'application/octet-stream').toLowerCase();
  const content = contentBytes(postal.content);
  const name = postal.filename?.trim() || `attachment-${index + 1}${EXTENSIONS[mediaType] ?? ''}`;
  return { name, mediaType, size: content.byteLength, content };
}

function contentBytes(content: PostalAttachment['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  if (content instanceof Uint8Array) return content;
  if (content instanceof ArrayBuffer) return new Uint8Array(content);
  return new Uint8Array(0);
}

function toAddress(mailbox: { name?: string; address?: string }): Address {
  return { address: (mailbox.address ?? '').trim(), name: repairC1(mailbox.name ?? '').trim() };
}

function firstMailbox(address: PostalAddress | undefined): Address | null {
  if (!address) return null;
  if (address.group) {
    const member = address.group[0];
    return member ? toAddress(member) : null;
  }
  return toAddress(address);
}

function mailboxes(addresses: PostalAddress[] | undefined): Address[] {
  const out: Address[] = [];
  for (const address of addresses ?? []) {
    if (address.group) for (const member of address.group) out.push(toAddress(member));
    else out.push(toAddress(address));
  }
  return out.filter((a) => a.address !== '' || a.name !== '');
}

function isoDate(email: Email): string | null {
  const header = email.headers.find((h) => h.key === 'date');
  if (!header) return null;
  const time = Date.parse(header.value.trim());
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

