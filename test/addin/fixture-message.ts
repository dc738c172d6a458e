// Turns a fixture .eml into what a fake Outlook item answers: the .eml itself, its header block, its bodies.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addressParser, decodeWords } from 'postal-mime';
import type { FakeMessage } from './fake-office.ts';

export const SCAM_EML_PATH = fileURLToPath(new URL('../fixtures/addin/geek-squad-renewal.eml', import.meta.url));

/** Minimal reader for the fixture's own layout (multipart/alternative, base64 parts); not a MIME parser. */
export function fakeMessageFromEml(path = SCAM_EML_PATH): FakeMessage {
  const raw = readFileSync(path);
  const text = raw.toString('latin1');
  const headerEnd = text.indexOf('\r\n\r\n');
  const headers = text.slice(0, headerEnd + 2);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'mi').exec(headers)?.[1]?.trim() ?? '';
  const part = (type: string) => {
    const match = new RegExp(`Content-Type: ${type}[^\\r\\n]*\\r\\nContent-Transfer-Encoding: base64\\r\\n\\r\\n([A-Za-z0-9+/=\\r\\n]+)`).exec(text);
    return match ? Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64').toString('utf8') : '';
  };
  // As Outlook hands them over: parsed, display names decoded.
  const mailboxes = (value: string) => addressParser(value, { flatten: true }).map((a) => ({ displayName: decodeWords(a.name ?? ''), emailAddress: a.address ?? '' }));
  return {
    subject: decodeWords(header('Subject')),
    from: mailboxes(header('From'))[0] ?? null,
    to: mailboxes(header('To')),
    dateTimeCreated: new Date(header('Date')).toISOString(),
    internetMessageId: header('Message-ID'),
    emlBase64: raw.toString('base64'),
    headers,
    html: part('text/html'),
    text: part('text/plain'),
    attachments: [],
  };
}
