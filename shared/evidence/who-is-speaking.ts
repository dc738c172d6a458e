import type { MailMessage } from '../types.ts';
import type { BrandHit } from '../lure/index.ts';
import { dkimResultDomain, receiverAuthResults, type AuthResult, type AuthTrust } from '../mail-auth/authentication-results.ts';
import { domainOf, isWithin, senderAddresses } from '../mail-auth/headers.ts';
import { isBrandDomain, isFreemail, siteOf } from './domains.ts';
import { dressedAsBrand } from './dressed-as-brand.ts';

/** Words in a display name that make it speak for a business rather than a person. */
const BUSINESS_ROLE = /\b(order|orders|invoice|billing|bill|payment|payments|receipt|e-receipt|support|service|services|team|department|dept|security|account|accounts|notification|notice|confirmation|helpdesk|help desk|customer|subscription|renewal|refund|transaction|alert|verification|admin|administrator)\b/i;

/**
 * Who is speaking: the From domain, whether the receiving server vouched for it, and how the brands the
 * message names relate to it.
 *   own: named brands whose domains include the From domain (the company really speaking, or a spoof of it);
 *   claimed: brands in the display name or subject, which is where a message says who it is;
 *   mentioned: brands only in the body or attachments (a shop names PayPal as a way to pay);
 *   spoofed: the From domain is a named brand's, but the receiver recorded a DMARC failure for it.
 */
export interface Speaker {
  fromDomain?: string;
  /** Registrable domain of From ("delta.com" for "t.delta.com"). */
  fromSite?: string;
  /** The receiving server vouched for the From domain (DMARC or aligned DKIM). */
  authenticated: boolean;
  /** The message carries receiver authentication results at all (false on most webmail pages and exports). */
  hasAuthResults: boolean;
  freemail: boolean;
  own: string[];
  claimed: string[];
  displayName: string[];
  mentioned: string[];
  spoofed: boolean;
  /** The display name speaks for a business ("Billing Department", "Your Order #5353"). */
  businessName: boolean;
  /** Replies go to a freemail mailbox while From is a company's domain. */
  replyToFreemail: boolean;
  /** Named brands whose name the From site wears without being theirs ("secure-mcafee-billing.net"). */
  dressedAs: string[];
}

export function whoIsSpeaking(message: MailMessage, brands: readonly BrandHit[], trust: AuthTrust = {}): Speaker {
  const addresses = senderAddresses(message);
  const fromDomain = domainOf(addresses.from);
  const results = receiverAuthResults(message, trust);
  const authenticated = fromDomain !== undefined && vouchedFor(fromDomain, results);
  const names = (where: (part: string) => boolean) => [...new Set(brands.filter((b) => where(b.part)).map((b) => b.brand))];
  const displayName = names((p) => p === 'from-name');
  const claimed = names((p) => p === 'from-name' || p === 'subject');
  const all = names(() => true);
  const own = all.filter((b) => isBrandDomain(fromDomain, b));
  const dmarcFailed = results.some((r) => r.method === 'dmarc' && (r.result === 'fail' || r.result === 'reject' || r.result === 'quarantine'));
  const speaker: Speaker = {
    authenticated,
    hasAuthResults: results.length > 0,
    freemail: isFreemail(fromDomain),
    own,
    claimed,
    displayName,
    mentioned: all.filter((b) => !claimed.includes(b)),
    spoofed: own.length > 0 && !authenticated && dmarcFailed,
    businessName: BUSINESS_ROLE.test(message.from?.name ?? ''),
    replyToFreemail: !isFreemail(fromDomain) && addresses.replyTo.some((a) => isFreemail(domainOf(a))),
    dressedAs: [],
  };
  if (fromDomain) {
    speaker.fromDomain = fromDomain;
    const site = siteOf(fromDomain);
    if (site) speaker.fromSite = site;
    speaker.dressedAs = dressedAsBrand(fromDomain, site, all);
  }
  return speaker;
}

/**
 * authenticatedFromDomain's test (shared/mail-auth) on results already read, so the headers are parsed once:
 * DMARC passed for the From domain, or a passing DKIM signature is aligned with it.
 */
function vouchedFor(from: string, results: readonly AuthResult[]): boolean {
  return results.some((result) => {
    if (result.result !== 'pass') return false;
    if (result.method === 'dmarc') {
      const headerFrom = result.props['header.from']?.toLowerCase();
      return !headerFrom || headerFrom === from;
    }
    if (result.method !== 'dkim') return false;
    const signer = dkimResultDomain(result);
    return signer !== undefined && (isWithin(from, signer) || isWithin(signer, from));
  });
}
