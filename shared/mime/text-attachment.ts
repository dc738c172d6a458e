import type { Attachment } from '../types.ts';
import { htmlToText } from './html-to-text.ts';
import { repairC1 } from './windows-1252.ts';

// Larger text attachments are left without text (a reader does not read them through either).
const MAX_TEXT_ATTACHMENT_BYTES = 2 * 1024 * 1024;

function isHtml(attachment: Attachment): boolean {
  return attachment.mediaType === 'text/html' || /\.x?html?$/i.test(attachment.name);
}

function isPlain(attachment: Attachment): boolean {
  return attachment.mediaType === 'text/plain' || /\.txt$/i.test(attachment.name);
}

/**
 * Visible text of an attached HTML page (a common lure: the number sits in an .html "invoice") or plain-text
 * file, decoded as UTF-8; undefined for other types or very large files.
 */
export function textAttachmentText(attachment: Attachment): string | undefined {
  const content = attachment.content;
  if (!content || content.length === 0 || content.length > MAX_TEXT_ATTACHMENT_BYTES) return undefined;
  if (!isHtml(attachment) && !isPlain(attachment)) return undefined;
  const decoded = repairC1(new TextDecoder().decode(content));
  const text = isHtml(attachment) ? htmlToText(decoded).visible : decoded.trim();
  return text === '' ? undefined : text;
}
