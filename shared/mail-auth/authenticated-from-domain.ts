import type { MailMessage } from '../types.ts';
import { dkimResultDomain, receiverAuthResults, type AuthTrust } from './authentication-results.ts';
import { domainOf, isWithin, senderAddresses } from './headers.ts';

/**
 * The From domain when the receiving side vouched for it: DMARC passed for that domain, or a DKIM signature
 * that passed is aligned with it (the same domain, or one within the other). Undefined when nothing was
 * recorded or nothing passed: most webmail pages show no headers at all.
 */
export function authenticatedFromDomain(message: MailMessage, trust: AuthTrust = {}): string | undefined {
  const from = domainOf(senderAddresses(message).from);
  if (!from) return undefined;
  for (const result of receiverAuthResults(message, trust)) {
    if (result.result !== 'pass') continue;
    if (result.method === 'dmarc') {
      const headerFrom = result.props['header.from']?.toLowerCase();
      if (!headerFrom || headerFrom === from) return from;
    }
    if (result.method === 'dkim') {
      const signer = dkimResultDomain(result);
      if (signer && (isWithin(from, signer) || isWithin(signer, from))) return from;
    }
  }
  return undefined;
}
