// The pictures and PDFs of a raw message a content script handed over (Gmail's "Show original"), parsed here
// with the shared MIME code, not in the page: image attachments, inline (cid:) pictures and PDFs, as
// attachments for OCR. Gmail serves the raw message inside an HTML page (<pre id="raw_message_text">).
import { decodeHTML } from 'entities';
import { runPostalMime } from '../../shared/mime/run-postal-mime.ts';
import { isPdfAttachment } from '../../shared/mime/attachment-text.ts';
import { sniffImageKind } from '../../shared/ocr/image-kind.ts';
import type { Attachment } from '../../shared/types.ts';
import type { RawMessageText } from '../lib/messages.ts';

/** Characters of raw message parsed (base64 included); a content script sends no more than this. */
export const MAX_RAW_CHARS = 24 * 1024 * 1024;

// The page may be cut short (only its start is read for the headers): then the raw message runs to its end.
const PRE = /<pre\b[^>]*\bid=["']?raw_message_text\b[^>]*>([\s\S]*?)(?:<\/pre>|$)/i;
const ANY_PRE = /<pre\b[^>]*>([\s\S]*?)(?:<\/pre>|$)/i;

/** The RFC 5322 text of what the webmail served; '' when an HTML page holds no raw message. */
export function rawMessageOf(raw: RawMessageText): string {
  if (!raw.html) return raw.text;
  const inner = (PRE.exec(raw.text) ?? ANY_PRE.exec(raw.text))?.[1];
  return inner === undefined ? '' : decodeHTML(inner);
}

/** The message's pictures and PDFs, in message order; throws on input that is not a message or is too large. */
export async function rawPictures(raw: RawMessageText): Promise<Attachment[]> {
  if (typeof raw.text !== 'string' || raw.text.length > MAX_RAW_CHARS) throw new Error('the raw message is too large to read its pictures');
  const text = rawMessageOf(raw);
  if (!text) return [];
  const { email } = await runPostalMime(new TextEncoder().encode(text));
  const found: Attachment[] = [];
  for (const [index, part] of email.attachments.entries()) {
    const content = typeof part.content === 'string' ? new TextEncoder().encode(part.content) : new Uint8Array(part.content);
    if (content.length === 0) continue;
    const mediaType = (part.mimeType || 'application/octet-stream').toLowerCase();
    const kind = sniffImageKind(content);
    const cid = part.contentId?.replace(/^<|>$/g, '');
    const name = part.filename?.trim() || cid || `attachment-${index + 1}${kind ? `.${kind}` : ''}`;
    const attachment: Attachment = { name, mediaType, size: content.length, content };
    if (kind || isPdfAttachment(attachment)) found.push(attachment);
  }
  return found;
}
