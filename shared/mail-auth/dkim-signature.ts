import type { MailMessage } from '../types.ts';
import { headerValues } from './headers.ts';

/** The d= domains of every DKIM-Signature header (recorded signatures; not verified here). */
export function dkimSignatureDomains(message: MailMessage): string[] {
  const domains: string[] = [];
  for (const value of headerValues(message, 'dkim-signature')) {
    const d = /(?:^|;)\s*d\s*=\s*([^;\s]+)/i.exec(value.replace(/\s+/g, ' '));
    if (d?.[1]) domains.push(d[1].toLowerCase());
  }
  return domains;
}
