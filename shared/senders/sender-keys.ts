import type { MailMessage } from '../types.ts';
import { receiverAuthResults, type AuthResult, type AuthTrust } from '../mail-auth/authentication-results.ts';
import { authenticatedFromDomain } from '../mail-auth/authenticated-from-domain.ts';
import { domainOf, senderAddresses } from '../mail-auth/headers.ts';
import { isFreemail } from '../evidence/domains.ts';

/**
 * The keys a sender is remembered by: its From address, and its From domain when the receiver vouched for it
 * (never a freemail domain: everyone shares gmail.com). Anyone can write a From address, so the address counts
 * only where nothing in the receiver's results says it was forged. Mail "from" the reader's own address is
 * never a sender to remember: scammers forge it.
 */
export function senderKeys(message: MailMessage, trust: AuthTrust = {}): string[] {
  const { from } = senderAddresses(message);
  const keys: string[] = [];
  const domain = authenticatedFromDomain(message, trust);
  if (from && message.to.some((to) => to.address.toLowerCase() === from)) return keys;
  const forged = domain === undefined && saysForged(receiverAuthResults(message, trust));
  if (from && domainOf(from) && !forged) keys.push(`address:${from}`);
  if (domain && !isFreemail(domain)) keys.push(`domain:${domain}`);
  return keys;
}

const FAILED = new Set(['fail', 'softfail', 'reject', 'quarantine', 'permerror']);

/** DMARC failed, or SPF failed with no DKIM signature passing. */
function saysForged(results: readonly AuthResult[]): boolean {
  const failed = (method: string) => results.some((r) => r.method === method && FAILED.has(r.result));
  return failed('dmarc') || (failed('spf') && !results.some((r) => r.method === 'dkim' && r.result === 'pass'));
}
