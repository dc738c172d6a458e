import type { MailMessage } from '../types.ts';
import { receiverAuthResults, type AuthTrust } from '../mail-auth/authentication-results.ts';
import { authenticatedFromDomain } from '../mail-auth/authenticated-from-domain.ts';
import { domainOf, senderAddresses } from '../mail-auth/headers.ts';
import { isFreemail } from '../evidence/domains.ts';

/**
 * The keys a sender is remembered by: its From address, and its From domain when the receiver vouched for it
 * (never a freemail domain: everyone shares gmail.com). Anyone can write a From address, so the address counts
 * only where nothing says it was forged: it authenticated, or the surface shows no results at all. Mail "from"
 * the reader's own address is never a sender to remember: scammers forge it.
 */
export function senderKeys(message: MailMessage, trust: AuthTrust = {}): string[] {
  const { from } = senderAddresses(message);
  const keys: string[] = [];
  const domain = authenticatedFromDomain(message, trust);
  if (from && message.to.some((to) => to.address.toLowerCase() === from)) return keys;
  const unverified = domain === undefined && receiverAuthResults(message, trust).length > 0;
  if (from && domainOf(from) && !unverified) keys.push(`address:${from}`);
  if (domain && !isFreemail(domain)) keys.push(`domain:${domain}`);
  return keys;
}
