import type { MailMessage } from '../types.ts';
import type { AuthTrust } from '../mail-auth/authentication-results.ts';
import { authenticatedFromDomain } from '../mail-auth/authenticated-from-domain.ts';
import { domainOf, senderAddresses } from '../mail-auth/headers.ts';
import { isFreemail } from '../evidence/domains.ts';

/**
 * The keys a sender is remembered by: its From address, and its From domain when the receiver vouched for it
 * (never a freemail domain: everyone shares gmail.com).
 */
export function senderKeys(message: MailMessage, trust: AuthTrust = {}): string[] {
  const from = senderAddresses(message).from;
  const keys: string[] = [];
  if (from && domainOf(from)) keys.push(`address:${from}`);
  const domain = authenticatedFromDomain(message, trust);
  if (domain && !isFreemail(domain)) keys.push(`domain:${domain}`);
  return keys;
}
