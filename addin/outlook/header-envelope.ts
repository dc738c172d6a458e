// The header block from getAllInternetHeadersAsync (Mailbox 1.8), read by the same MIME parser as an .eml:
// a header block and a blank line are a message without a body. Headers, addresses (display names, encoded
// words, groups) and dates then come out exactly as on the .eml path.
import type { MailMessage } from '../../shared/types.ts';
import type { ParseEml } from './read-message.ts';

export async function parseHeaderBlock(block: string, parseEml: ParseEml): Promise<MailMessage> {
  return parseEml(new TextEncoder().encode(`${block.replace(/(?:\r?\n)+$/, '')}\r\n\r\n`));
}

/** `body` (parsed from the rebuilt one-part message) with the envelope the header block carries, where it has one. */
export function withEnvelope(body: MailMessage, envelope: MailMessage): MailMessage {
  const message: MailMessage = {
    ...body,
    headers: envelope.headers,
    subject: envelope.subject || body.subject,
    from: envelope.from ?? body.from,
    replyTo: envelope.replyTo,
    to: envelope.to.length ? envelope.to : body.to,
    date: envelope.date ?? body.date,
  };
  if (envelope.sender) message.sender = envelope.sender;
  const messageId = envelope.messageId ?? body.messageId;
  if (messageId) message.messageId = messageId;
  return message;
}
