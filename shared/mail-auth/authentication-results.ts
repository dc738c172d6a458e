import type { MailMessage } from '../types.ts';
import { parseAuthResultsHeader, type AuthResult, type AuthResultsHeader } from './authres-parse.ts';
import { arcChain, sealedArcSets, type ArcSet } from './arc.ts';
import { headerValues, isWithinAny } from './headers.ts';

export { parseAuthResultsHeader, parseAuthenticationResults, type AuthResult, type AuthResultsHeader } from './authres-parse.ts';
export type { ArcSet } from './arc.ts';

/** Which recorded results to believe. Policy carries both keys; see README "Policy". */
export interface AuthTrust {
  /**
   * Authserv-ids of the organisation's own receiving servers (a listed domain also covers its subdomains).
   * Unset: the authserv-id of the topmost Authentication-Results header, the one the receiver added last.
   */
  trustedAuthservIds?: readonly string[];
  /** ARC sealers (ARC-Seal d=) believed in addition to the major mailbox providers (see arc.ts). */
  trustedArcSealers?: readonly string[];
}

/** Every Authentication-Results header of the message, top (newest) first, parsed. */
function allHeaders(message: MailMessage): AuthResultsHeader[] {
  return headerValues(message, 'authentication-results').map(parseAuthResultsHeader);
}

/**
 * The Authentication-Results headers written by the organisation's own receiving servers: those whose
 * authserv-id is trusted by policy, else those sharing the topmost header's authserv-id (receivers add
 * theirs on top and must remove incoming ones that claim their id, RFC 8601 section 5). A topmost header
 * without an authserv-id (Microsoft's form) stands alone: nothing ties a lower one to the same server.
 */
export function trustedAuthHeaders(message: MailMessage, trust: AuthTrust = {}): AuthResultsHeader[] {
  const headers = allHeaders(message);
  const ids = (trust.trustedAuthservIds ?? []).map((id) => id.trim().toLowerCase()).filter(Boolean);
  if (ids.length > 0) return headers.filter((h) => h.authservId !== undefined && isWithinAny(h.authservId, ids));
  const top = headers[0];
  if (!top) return [];
  if (top.authservId === undefined) return [top];
  return headers.filter((h) => h.authservId === top.authservId);
}

/** The method results the receiving side recorded, from its trusted headers only. */
export function trustedAuthResults(message: MailMessage, trust: AuthTrust = {}): AuthResult[] {
  return trustedAuthHeaders(message, trust).flatMap((h) => h.results);
}

const isRelevant = (r: AuthResult) => r.method === 'dkim' || r.method === 'dmarc' || r.method === 'spf';

/**
 * The results recorded by the receiving side (see trustedAuthHeaders). When it recorded no DKIM, DMARC or
 * SPF result, the newest ARC-Authentication-Results that it verified (arc=pass) and a trusted sealer wrote
 * stands in (see arc.ts); a sender's own Authentication-Results or ARC results never count. A message
 * without any Authentication-Results (an archive copy, a surface that drops them) had nothing verified
 * here: the newest set from a trusted sealer is then read unverified, no weaker than the DKIM-Signature
 * d= fallback, which a sender can write just as well.
 */
export function receiverAuthResults(message: MailMessage, trust: AuthTrust = {}): AuthResult[] {
  const results = trustedAuthResults(message, trust);
  if (results.some(isRelevant)) return results;
  const recorded = headerValues(message, 'authentication-results').length > 0;
  const sets = recorded ? trustedArcResults(message, trust) : sealedArcSets(arcChain(message), trust.trustedArcSealers ?? []);
  for (const set of sets) {
    if (set.results.some(isRelevant)) return set.results;
  }
  return results;
}

/**
 * The ARC-Authentication-Results sets the receiving side verified (it recorded arc=pass in a trusted
 * Authentication-Results) and a trusted sealer wrote, newest first. Empty for anything else: ARC headers
 * are only as good as the receiver's check of them and the sealer that wrote them (see arc.ts).
 */
export function trustedArcResults(message: MailMessage, trust: AuthTrust = {}): ArcSet[] {
  const receiverPassed = trustedAuthResults(message, trust).some((r) => r.method === 'arc' && r.result === 'pass');
  if (!receiverPassed) return [];
  return sealedArcSets(arcChain(message), trust.trustedArcSealers ?? []);
}

/** Domain a DKIM result speaks for: header.d, else the domain of header.i. */
export function dkimResultDomain(result: AuthResult): string | undefined {
  const d = result.props['header.d'];
  if (d) return d.toLowerCase();
  const i = result.props['header.i'];
  return i ? i.slice(i.lastIndexOf('@') + 1).toLowerCase() || undefined : undefined;
}
