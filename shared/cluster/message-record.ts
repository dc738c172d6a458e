import type { MailMessage } from '../types.ts';
import type { MessageRecord } from './types.ts';
import { visibleParts } from '../message-parts.ts';
import { extractPhones } from '../phone/index.ts';
import { extractLure } from '../lure/index.ts';

/** What clustering keeps of a message: numbers, brands, subject, sender, date. No body text. */
export function messageRecord(file: string, message: MailMessage, defaultRegion = 'US'): MessageRecord {
  const parts = visibleParts(message);
  const { phones } = extractPhones(parts, { defaultRegion });
  const brands = extractLure(parts, phones).brands.map((hit) => hit.brand);
  return {
    file,
    date: message.date,
    subject: message.subject,
    from: message.from?.address || message.from?.name || '',
    brands: [...new Set(brands)],
    phones: [...new Set(phones.map((p) => p.e164))],
  };
}
