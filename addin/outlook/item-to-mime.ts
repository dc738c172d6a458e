// When the client cannot hand over the .eml (Mailbox < 1.14, or getAsFileAsync failed), the add-in rebuilds a
// one-part MIME message from the item's properties and body, so the body goes through the same parser as an
// .eml file. The headers as received (Mailbox 1.8) are parsed apart (header-envelope.ts).
import { bytesToBase64 } from './base64.ts';

export interface ItemFields {
  subject: string;
  from: { name: string; address: string } | null;
  to: { name: string; address: string }[];
  date: Date | null;
  messageId: string;
  body: { kind: 'html' | 'text'; content: string };
}

export function itemToMime(fields: ItemFields): Uint8Array {
  const lines: string[] = [`Subject: ${encodeWord(fields.subject)}`];
  if (fields.from) lines.push(`From: ${formatAddress(fields.from)}`);
  if (fields.to.length) lines.push(`To: ${fields.to.map(formatAddress).join(', ')}`);
  if (fields.date && !Number.isNaN(fields.date.getTime())) lines.push(`Date: ${fields.date.toUTCString()}`);
  if (fields.messageId) lines.push(`Message-ID: ${oneLine(fields.messageId)}`);
  const mediaType = fields.body.kind === 'html' ? 'text/html' : 'text/plain';
  lines.push('MIME-Version: 1.0', `Content-Type: ${mediaType}; charset=utf-8`, 'Content-Transfer-Encoding: base64', '');
  const body = bytesToBase64(new TextEncoder().encode(fields.body.content)).replace(/.{1,76}/g, '$&\r\n');
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n' + body);
}

function formatAddress(address: { name: string; address: string }): string {
  const mailbox = `<${oneLine(address.address).replace(/[<>]/g, '')}>`;
  // Display names are always encoded: a comma or quote in a bare phrase would split the address list.
  return address.name ? `=?UTF-8?B?${bytesToBase64(new TextEncoder().encode(oneLine(address.name)))}?= ${mailbox}` : mailbox;
}

/** RFC 2047 encoded word, so any display name or subject survives as one header line. */
function encodeWord(text: string): string {
  const clean = oneLine(text);
  if (/^[\x20-\x7e]*$/.test(clean) && !clean.includes('=?')) return clean;
  return `=?UTF-8?B?${bytesToBase64(new TextEncoder().encode(clean))}?=`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
