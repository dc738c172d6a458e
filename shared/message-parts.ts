import type { MailMessage, TextPart } from './types.ts';

/** Longest text of one part the scanners read; a 20 MB body is judged on its first few megabytes. */
export const MAX_PART_CHARS = 2_000_000;

/** Every piece of text the reader can see, in reading order, as TextParts with stable ids. Hidden text is left out. */
/** The message's own text among visible parts: subject, body and the parts it carries, not sender name or attachments. */
export function ownTextParts(parts: readonly TextPart[]): TextPart[] {
  return parts.filter((p) => p.id !== 'from-name' && !p.id.startsWith('attachment:'));
}

export function visibleParts(message: MailMessage): TextPart[] {
  const parts: TextPart[] = [];
  const add = (id: string, text: string | undefined) => {
    if (text && text.trim()) parts.push({ id, text: text.length > MAX_PART_CHARS ? text.slice(0, MAX_PART_CHARS) : text });
  };
  add('subject', message.subject);
  add('from-name', message.from?.name);
  add('body', message.text);
  for (const part of message.parts) add(part.id, part.text);
  for (const attachment of message.attachments) add(`attachment:${attachment.name}`, attachment.text);
  return parts;
}
