// Reads the open Outlook item into a MailMessage: the whole .eml where the client can give it (Mailbox 1.14),
// else the body rebuilt as a one-part message, the internet header block (1.8) and attachment metadata,
// each through the same MIME parser as an .eml.
import type { Attachment, MailMessage } from '../../shared/types.ts';
import { base64ToBytes } from './base64.ts';
import { parseHeaderBlock, withEnvelope } from './header-envelope.ts';
import { itemToMime, type ItemFields } from './item-to-mime.ts';
import { OfficeApiError, officeCall } from './office-async.ts';
import { supports, type OfficeLike, type ReadItem } from './office-like.ts';
import { errorDetail, note, type Note } from '../../shared/i18n/note.ts';

export class NoItemError extends Error {
  constructor() {
    super('No message is open. Select a single message to check it.');
    this.name = 'NoItemError';
  }
}

export class NotAMessageError extends Error {
  constructor(readonly itemType: string) {
    super(`Ringfence checks email messages; the selected item is not one (${itemType}).`);
    this.name = 'NotAMessageError';
  }
}

export type ParseEml = (raw: Uint8Array) => Promise<MailMessage>;

export interface ReadResult {
  message: MailMessage;
  /** How it was read: the full .eml, or rebuilt from the item's fields. */
  source: 'eml' | 'item';
  /** The .eml bytes when read whole (kept for a report mailbox; never sent unless the user reports). */
  eml?: Uint8Array;
  /** What could not be read (the scan still runs on the rest), for the reader in their language. */
  warnings: Note[];
}

export interface ReadOptions {
  parseEml: ParseEml;
  timeoutMs?: number;
}

/** Returns the current item if it is a message; throws NoItemError or NotAMessageError otherwise. */
export function currentMessageItem(office: OfficeLike): ReadItem {
  const item = office.context.mailbox.item;
  if (!item) throw new NoItemError();
  if (item.itemType !== office.MailboxEnums.ItemType.Message) throw new NotAMessageError(String(item.itemType));
  return item;
}

export async function readMessage(office: OfficeLike, options: ReadOptions): Promise<ReadResult> {
  const item = currentMessageItem(office);
  const warnings: Note[] = [];
  if (supports(office, '1.14') && typeof item.getAsFileAsync === 'function') {
    try {
      const base64 = await officeCall<string>(office, 'getAsFileAsync', (cb) => item.getAsFileAsync(cb), options.timeoutMs);
      const eml = base64ToBytes(base64);
      return { message: await options.parseEml(eml), source: 'eml', eml, warnings };
    } catch (error) {
      warnings.push(note('paneWarnWholeMessage', undefined, errorDetail(error)));
    }
  }
  const fields = await readFields(office, item, options.timeoutMs);
  let message: MailMessage = { ...(await options.parseEml(itemToMime(fields))), headers: [] }; // the rebuilt message's headers are not the message's
  const envelope = await readEnvelope(office, item, options, warnings);
  if (envelope) message = withEnvelope(message, envelope);
  message.attachments = await attachmentsOf(office, item, warnings, options.timeoutMs);
  return { message, source: 'item', warnings };
}

/** Headers, sender and recipients as received (Mailbox 1.8), parsed like an .eml; null where unavailable. */
async function readEnvelope(office: OfficeLike, item: ReadItem, options: ReadOptions, warnings: Note[]): Promise<MailMessage | null> {
  if (!supports(office, '1.8') || typeof item.getAllInternetHeadersAsync !== 'function') return null;
  try {
    const block = await officeCall<string>(office, 'getAllInternetHeadersAsync', (cb) => item.getAllInternetHeadersAsync(cb), options.timeoutMs);
    return await parseHeaderBlock(block ?? '', options.parseEml);
  } catch (error) {
    warnings.push(note('paneWarnHeaders', undefined, errorDetail(error)));
    return null;
  }
}

async function readFields(office: OfficeLike, item: ReadItem, timeoutMs?: number): Promise<ItemFields> {
  const body = await readBody(office, item, timeoutMs);
  const from = item.from ?? item.sender;
  return {
    subject: item.subject ?? '',
    from: from ? { name: from.displayName ?? '', address: from.emailAddress ?? '' } : null,
    to: (item.to ?? []).map((a) => ({ name: a.displayName ?? '', address: a.emailAddress ?? '' })),
    date: item.dateTimeCreated ? new Date(item.dateTimeCreated) : null,
    messageId: item.internetMessageId ?? '',
    body,
  };
}

/** HTML first (hidden text can only be told apart there), plain text if HTML fails or comes back empty. */
async function readBody(office: OfficeLike, item: ReadItem, timeoutMs?: number): Promise<ItemFields['body']> {
  try {
    const html = await officeCall<string>(office, 'body.getAsync(html)', (cb) => item.body.getAsync(office.CoercionType.Html as Office.CoercionType, cb), timeoutMs);
    if (html && html.trim()) return { kind: 'html', content: html };
    throw new OfficeApiError('body.getAsync(html)', 'empty body');
  } catch (htmlError) {
    try {
      const text = await officeCall<string>(office, 'body.getAsync(text)', (cb) => item.body.getAsync(office.CoercionType.Text as Office.CoercionType, cb), timeoutMs);
      return { kind: 'text', content: text ?? '' };
    } catch (textError) {
      throw new OfficeApiError('body.getAsync', `${(htmlError as Error).message}; ${(textError as Error).message}`);
    }
  }
}

/** PDFs fetched per message on the item path (their text is read like the .eml path's). */
const MAX_PDF_FETCHES = 5;
const MAX_PDF_BYTES = 10 * 1024 * 1024;

/** Attachment names and types; the bytes of PDFs too where the client can give them (Mailbox 1.8). */
async function attachmentsOf(office: OfficeLike, item: ReadItem, warnings: Note[], timeoutMs?: number): Promise<Attachment[]> {
  const attachments: Attachment[] = [];
  let fetched = 0;
  for (const a of item.attachments ?? []) {
    if (a.isInline) continue;
    const attachment: Attachment = { name: a.name ?? '', mediaType: a.contentType || 'application/octet-stream', size: a.size ?? 0 };
    const isPdf = /pdf/i.test(attachment.mediaType) || /\.pdf$/i.test(attachment.name);
    if (isPdf && fetched < MAX_PDF_FETCHES && attachment.size <= MAX_PDF_BYTES && supports(office, '1.8') && typeof item.getAttachmentContentAsync === 'function') {
      fetched++;
      try {
        const content = await officeCall<Office.AttachmentContent>(office, 'getAttachmentContentAsync', (cb) => item.getAttachmentContentAsync(a.id, cb), timeoutMs);
        if (content.format === 'base64') attachment.content = base64ToBytes(content.content);
      } catch (error) {
        warnings.push(note('paneWarnAttachment', { name: attachment.name }, errorDetail(error)));
      }
    }
    attachments.push(attachment);
  }
  return attachments;
}
