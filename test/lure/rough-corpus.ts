// Rough, throwaway reading of the corpus for the lure tests: postal-mime + crude tag stripping + libphonenumber.
// The product's parser lives in shared/mime; these tests must not depend on it.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { findNumbers } from 'libphonenumber-js';
import type { PhoneFinding, TextPart } from '../../shared/types.ts';

export const CORPUS = join(import.meta.dirname, '../../../shared/corpus');
export const corpusPresent = existsSync(join(CORPUS, 'MANIFEST.tsv'));

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", rsquo: '\u2019', lsquo: '\u2018', ldquo: '\u201c', rdquo: '\u201d', ndash: '\u2013', mdash: '\u2014', copy: '\u00a9', hellip: '\u2026', zwnj: '\u200c', zwj: '\u200d' };

function stripTags(html: string): string {
  return html
    .replace(/<(style|script|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|tr|li|h\d|table|td)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&([a-z]+);/gi, (m, n: string) => ENTITIES[n.toLowerCase()] ?? m)
    .replace(/[ \t]+/g, ' ');
}

export interface RoughMessage {
  file: string;
  parts: TextPart[];
  phones: PhoneFinding[];
}

export async function readRough(folder: string, file: string): Promise<RoughMessage> {
  const mail = await PostalMime.parse(readFileSync(join(CORPUS, folder, file)));
  const parts: TextPart[] = [];
  const add = (id: string, text: string | undefined) => {
    if (text && text.trim()) parts.push({ id, text });
  };
  add('subject', mail.subject);
  add('from-name', mail.from && 'name' in mail.from ? mail.from.name : undefined);
  let body = mail.html ? stripTags(mail.html) : (mail.text ?? '');
  if (/<(div|p|br|table|span)\b/i.test(body)) body = stripTags(body);
  add('body', body);
  for (const attachment of mail.attachments) {
    if (/calendar/i.test(attachment.mimeType)) {
      const raw = typeof attachment.content === 'string' ? attachment.content : new TextDecoder().decode(attachment.content);
      add('calendar', raw.replace(/\r?\n[ \t]/g, '').replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1'));
    }
  }
  const phones: PhoneFinding[] = [];
  for (const part of parts) {
    for (const found of findNumbers(part.text, { defaultCountry: 'US', v2: true })) {
      phones.push({ e164: found.number.number, raw: part.text.slice(found.startsAt, found.endsAt), part: part.id, start: found.startsAt, end: found.endsAt });
    }
  }
  return { file, parts, phones };
}

export async function readFolder(folder: string): Promise<RoughMessage[]> {
  const files = readdirSync(join(CORPUS, folder)).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map((f) => readRough(folder, f)));
}
