import { MailParseError } from './mail-parse-error.ts';

// Header names that only an e-mail message carries; one of them must appear in the header block.
const MAIL_HEADERS = new Set([
  'from', 'to', 'cc', 'bcc', 'subject', 'date', 'message-id', 'received', 'return-path', 'mime-version',
  'content-type', 'content-transfer-encoding', 'delivered-to', 'reply-to', 'sender', 'dkim-signature',
  'arc-seal', 'authentication-results', 'x-mailer', 'in-reply-to', 'references', 'x-original-to',
]);

// How much of the input is examined; a real header block that is longer still contains a known header early.
const SCAN_LIMIT = 256 * 1024;

function isFieldNameByte(c: number): boolean {
  return c >= 33 && c <= 126 && c !== 58;
}

/**
 * Checks that bytes look like an RFC 5322 message: a header block that starts at the first line (after an
 * optional mbox "From " line) and names at least one mail header, with no NUL bytes in it.
 * Returns the offset where the message starts. Throws MailParseError otherwise.
 */
export function checkMailShape(bytes: Uint8Array): number {
  let start = 0;
  while (start < bytes.length && (bytes[start] === 0x0d || bytes[start] === 0x0a)) start++;
  let blank = start;
  while (blank < bytes.length && (bytes[blank] === 0x20 || bytes[blank] === 0x09 || bytes[blank] === 0x0d || bytes[blank] === 0x0a)) blank++;
  if (blank >= bytes.length) throw new MailParseError('Not an e-mail message: the input is empty');
  // mbox separator line "From sender date".
  if (bytes[start] === 0x46 && bytes[start + 1] === 0x72 && bytes[start + 2] === 0x6f && bytes[start + 3] === 0x6d && bytes[start + 4] === 0x20) {
    const newline = bytes.indexOf(0x0a, start);
    if (newline < 0) throw new MailParseError('Not an e-mail message: only an mbox "From " line');
    start = newline + 1;
  }

  const end = Math.min(bytes.length, start + SCAN_LIMIT);
  let lineStart = start;
  let sawMailHeader = false;
  let first = true;
  while (lineStart < end) {
    let lineEnd = bytes.indexOf(0x0a, lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    let contentEnd = lineEnd;
    if (contentEnd > lineStart && bytes[contentEnd - 1] === 0x0d) contentEnd--;
    if (contentEnd === lineStart) break; // blank line: end of the header block
    for (let i = lineStart; i < contentEnd; i++) {
      if (bytes[i] === 0) throw new MailParseError('Not an e-mail message: binary data (NUL bytes) in the header block');
    }
    const folded = bytes[lineStart] === 0x20 || bytes[lineStart] === 0x09;
    if (!folded) {
      let i = lineStart;
      while (i < contentEnd && isFieldNameByte(bytes[i] as number)) i++;
      const nameEnd = i;
      while (i < contentEnd && (bytes[i] === 0x20 || bytes[i] === 0x09)) i++;
      const isField = nameEnd > lineStart && bytes[i] === 0x3a;
      if (first && !isField) {
        throw new MailParseError('Not an e-mail message: it does not start with a header field ("Name: value")');
      }
      if (isField && !sawMailHeader) {
        const name = new TextDecoder('latin1').decode(bytes.subarray(lineStart, nameEnd)).toLowerCase();
        if (MAIL_HEADERS.has(name)) sawMailHeader = true;
      }
    } else if (first) {
      throw new MailParseError('Not an e-mail message: it starts with a continuation line');
    }
    first = false;
    lineStart = lineEnd + 1;
  }
  if (!sawMailHeader) {
    throw new MailParseError('Not an e-mail message: no mail header (From, To, Subject, Date, Received ...) in the header block');
  }
  return start;
}
