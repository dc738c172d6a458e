// Outlook .msg (a CFB/OLE compound file of MAPI properties) rewritten as an RFC 822 message, so it goes
// through the same parser as any .eml and comes out as the same MailMessage, attachments included.
import msgReaderModule from '@kenjiuno/msgreader';
import type { FieldsData } from '@kenjiuno/msgreader';
import { rtfBodyOf } from './msg-rtf-body.ts';

type MsgReaderClass = typeof msgReaderModule;
const MsgReader: MsgReaderClass = (msgReaderModule as unknown as { default?: MsgReaderClass }).default ?? msgReaderModule;

/** Outlook items attached to items attached to …: converted this deep. */
const MAX_DEPTH = 3;

function tryConvert(bytes: Uint8Array, depth: number): Uint8Array | undefined {
  try {
    return msgToEml(bytes, depth);
  } catch {
    return undefined;
  }
}

/** Headers of the original transport headers the rebuilt MIME body replaces. */
const BODY_HEADERS = /^(content-[a-z-]+|mime-version)$/i;

/** Converts .msg bytes to .eml bytes. Throws a readable Error for a file that is not an Outlook message. */
export function msgToEml(bytes: Uint8Array, depth = 0): Uint8Array {
  let data: FieldsData;
  let reader: InstanceType<MsgReaderClass>;
  try {
    reader = new MsgReader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    data = reader.getFileData();
  } catch (error) {
    throw new Error(`not a readable Outlook .msg: ${(error as Error).message || String(error)}`);
  }
  if ((data as { error?: string }).error) throw new Error(`not a readable Outlook .msg: ${(data as { error?: string }).error}`);
  if (data.dataType !== 'msg') throw new Error('not a readable Outlook .msg: no message in the file');

  const boundary = `ringfence-msg-${Math.random().toString(36).slice(2)}`;
  const lines = [...headerLines(data), 'MIME-Version: 1.0', `Content-Type: multipart/mixed; boundary="${boundary}"`, ''];
  const alternative = `${boundary}-alt`;
  lines.push(`--${boundary}`, `Content-Type: multipart/alternative; boundary="${alternative}"`, '');
  let html = data.bodyHtml ?? (data.html ? Buffer.from(data.html).toString('utf8') : undefined);
  let text = data.body ?? '';
  if (!html && !text.trim() && data.compressedRtf?.length) {
    // Only the RTF body was kept (older Outlook, some exports): its HTML or its text instead.
    const rtf = rtfBodyOf(data.compressedRtf);
    html = rtf.html;
    text = rtf.text ?? '';
  }
  lines.push(`--${alternative}`, ...base64Part('text/plain; charset=utf-8', Buffer.from(text, 'utf8')));
  if (html) lines.push(`--${alternative}`, ...base64Part('text/html; charset=utf-8', Buffer.from(html, 'utf8')));
  lines.push(`--${alternative}--`);

  for (const attachment of data.attachments ?? []) {
    let content: Uint8Array;
    let name: string;
    try {
      const read = reader.getAttachment(attachment);
      content = read.content;
      name = read.fileName || attachment.fileName || attachment.name || 'attachment';
    } catch {
      continue;
    }
    if (attachment.innerMsgContent) {
      // An attached Outlook item: converted in turn and attached as a message, as mail clients forward them.
      const inner = depth < MAX_DEPTH ? tryConvert(content, depth + 1) : undefined;
      if (inner) {
        lines.push(`--${boundary}`, 'Content-Type: message/rfc822', `Content-Disposition: attachment; filename="${headerWord(name)}.eml"`, '', Buffer.from(inner).toString('utf8'));
        continue;
      }
    }
    const type = /^[\w.+-]+\/[\w.+-]+$/.test(attachment.attachMimeTag ?? '') ? attachment.attachMimeTag! : 'application/octet-stream';
    lines.push(`--${boundary}`, ...base64Part(`${type}; name="${headerWord(name)}"`, Buffer.from(content), `attachment; filename="${headerWord(name)}"`));
  }
  lines.push(`--${boundary}--`, '');
  return new Uint8Array(Buffer.from(lines.join('\r\n'), 'utf8'));
}

/** The original transport headers when Outlook kept them, else From/To/Subject/Date from the properties. */
function headerLines(data: FieldsData): string[] {
  const kept = data.headers ? unfoldedHeaders(data.headers).filter(([name]) => !BODY_HEADERS.test(name)) : [];
  const has = (name: string) => kept.some(([n]) => n.toLowerCase() === name);
  const lines = kept.map(([name, value]) => `${name}: ${value}`);
  if (!has('from')) {
    const address = data.senderSmtpAddress || (data.senderEmail?.includes('@') ? data.senderEmail : '');
    lines.push(`From: ${data.senderName ? `${headerWord(data.senderName)} ` : ''}<${address ?? ''}>`);
  }
  if (!has('to')) {
    const to = (data.recipients ?? []).filter((r) => (r as { recipType?: string }).recipType !== 'cc' && (r.smtpAddress || r.email));
    if (to.length) lines.push(`To: ${to.map((r) => `${r.name ? `${headerWord(r.name)} ` : ''}<${r.smtpAddress || r.email}>`).join(', ')}`);
  }
  if (!has('subject')) lines.push(`Subject: ${headerWord(data.subject ?? '')}`);
  if (!has('date')) {
    const when = data.clientSubmitTime || data.messageDeliveryTime || data.creationTime;
    const date = when ? new Date(when) : undefined;
    if (date && !Number.isNaN(date.getTime())) lines.push(`Date: ${date.toUTCString()}`);
  }
  return lines;
}

function unfoldedHeaders(block: string): [string, string][] {
  const headers: [string, string][] = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && headers.length) headers[headers.length - 1]![1] += ` ${line.trim()}`;
    else {
      const colon = line.indexOf(':');
      if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return headers;
}

/** A header value as an RFC 2047 word when it is not plain ASCII; never able to end the header. */
function headerWord(text: string): string {
  const clean = text.replace(/[\r\n"]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(clean) ? clean : `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
}

function base64Part(contentType: string, body: Buffer, disposition?: string): string[] {
  const encoded = body.toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    `Content-Type: ${contentType}`,
    'Content-Transfer-Encoding: base64',
    ...(disposition ? [`Content-Disposition: ${disposition}`] : []),
    '',
    encoded,
  ];
}
