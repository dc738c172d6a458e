import type { MailMessage } from '../types.ts';
import { dkimResultDomain, receiverAuthResults, trustedArcResults, type AuthTrust } from '../mail-auth/authentication-results.ts';
import { dkimSignatureDomains } from '../mail-auth/dkim-signature.ts';
import { isWithinAny } from '../mail-auth/headers.ts';

export interface Authenticity {
  /** The receiving side recorded a passing DKIM (or aligned DMARC) result for one of the platform's domains. */
  authentic: boolean;
  /** The message claims the platform but the recorded results say it did not come from it. */
  spoofed: boolean;
  /** Plain words on what decided it, for the reader and the analyst. */
  evidence: string;
}

export interface AuthenticityOptions {
  /** Domains the platform signs its mail with (github.com, zendesk.com, atlassian.net ...). */
  signingDomains: readonly string[];
  /** Also accept a pass for the From domain itself (help desks that send from the customer's own domain). */
  alignedFromDomain?: string;
  /** Whose recorded results to believe (policy trustedAuthservIds, trustedArcSealers); default: the receiver's. */
  trust?: AuthTrust;
}

/**
 * Judges from what the ORIGINAL receiving side recorded (Authentication-Results, else the DKIM-Signature
 * d= domains); never verifies signatures here, since relayed copies often no longer verify.
 */
export function judgeAuthenticity(message: MailMessage, options: AuthenticityOptions): Authenticity {
  const accepted = options.alignedFromDomain ? [...options.signingDomains, options.alignedFromDomain] : [...options.signingDomains];
  const results = receiverAuthResults(message, options.trust);
  const dkim = results.filter((r) => r.method === 'dkim');
  const passing = dkim.filter((r) => r.result === 'pass').map(dkimResultDomain);
  const good = passing.find((d) => isWithinAny(d, accepted));
  if (good) return { authentic: true, spoofed: false, evidence: `DKIM passed for ${good}` };
  const dmarc = results.find((r) => r.method === 'dmarc');
  const dmarcFrom = dmarc?.props['header.from']?.toLowerCase();
  if (dmarc?.result === 'pass' && isWithinAny(dmarcFrom, accepted)) {
    return { authentic: true, spoofed: false, evidence: `DMARC passed for ${dmarcFrom}` };
  }
  if (dkim.length > 0 || dmarc) {
    if (arcPassed(message, accepted, options.trust)) {
      return { authentic: false, spoofed: false, evidence: 'forwarded: it passed when first received, but no longer does' };
    }
    const seen = passing.filter(Boolean).join(', ');
    return {
      authentic: false,
      spoofed: true,
      evidence: seen ? `signed by ${seen}, not by ${options.signingDomains[0]}` : `no passing signature from ${options.signingDomains[0]}`,
    };
  }
  const signatures = dkimSignatureDomains(message);
  if (signatures.length === 0) return { authentic: false, spoofed: false, evidence: 'no authentication results to check' };
  const signed = signatures.find((d) => isWithinAny(d, accepted));
  if (signed) return { authentic: true, spoofed: false, evidence: `signed by ${signed}` };
  return { authentic: false, spoofed: true, evidence: `signed by ${signatures.join(', ')}, not by ${options.signingDomains[0]}` };
}

/** A trusted forwarder's ARC seal, which the receiver verified, recorded a pass for the platform: changed in transit, not forged. */
function arcPassed(message: MailMessage, accepted: readonly string[], trust: AuthTrust | undefined): boolean {
  return trustedArcResults(message, trust).some((set) =>
    set.results.some((r) => r.method === 'dkim' && r.result === 'pass' && isWithinAny(dkimResultDomain(r), accepted)),
  );
}
