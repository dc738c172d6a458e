import data from '../data/saas-invoicing.json' with { type: 'json' };
import type { MailMessage, Policy } from '../types.ts';
import { domainOf, isWithinAny, senderAddresses } from '../mail-auth/headers.ts';
import { judgeAuthenticity } from './authenticity.ts';
import { looksLikePlatform } from './domain-names.ts';
import { senderDomains } from './message-hosts.ts';
import { addPlatform } from './registry.ts';
import { isTrustedSender } from './trusted-senders.ts';
import type { PlatformMatch } from './types.ts';

interface InvoicingPlatform {
  id: string;
  name: string;
  signingDomains: string[];
  lookalikeToken: string;
}

const INVOICE = new RegExp(data.invoice, 'i');
const MERCHANT = data.merchant.map((p) => new RegExp(p, 'i'));
const DISPLAY_NAME = new RegExp(data.displayName, 'i');
/** The platform's own mail (receipts, account notices) is the platform speaking: only these misfit there. */
const ACCOUNT_UNFITTING = ['crypto', 'prize'];

/** The merchant's name from the subject ("Invoice 1001 from Acme Ltd"), else the display name. */
export function merchantName(message: MailMessage, platform: string): string | undefined {
  for (const pattern of MERCHANT) {
    const name = pattern.exec(message.subject)?.[1]?.trim();
    if (name && name.toLowerCase() !== platform.toLowerCase()) return name.replace(/^["'“]|["'”]$/g, '');
  }
  const display = message.from?.name?.trim() ?? '';
  const via = DISPLAY_NAME.exec(display)?.[1]?.trim();
  if (via) return via;
  return display && !display.toLowerCase().includes(platform.toLowerCase().split(' ')[0]!) ? display : undefined;
}

/**
 * Invoicing platforms (PayPal, Square, QuickBooks, Stripe, Invoice Ninja, Zoho Invoice): a real invoice or money
 * request whose merchant and memo are whoever opened the account. The brand-versus-merchant check is
 * invoice-merchant.ts; a number to call counts only next to a refund or dispute pretext or such a brand.
 */
function invoicingRule(platform: InvoicingPlatform) {
  return (message: MailMessage, policy: Policy): PlatformMatch | undefined => {
    const fromDomain = domainOf(senderAddresses(message).from);
    const fromPlatform = senderDomains(message).some((d) => isWithinAny(d, platform.signingDomains));
    // A look-alike domain counts only when the mail also claims the platform by name (stripes.example is not Stripe).
    const claims = new RegExp(`\\b${platform.name.split(' ')[0]}\\b`, 'i').test(`${message.from?.name ?? ''} ${message.subject}`);
    const lookalike =
      claims && fromDomain && !isWithinAny(fromDomain, platform.signingDomains) && looksLikePlatform(fromDomain, platform.lookalikeToken) ? fromDomain : undefined;
    if (!fromPlatform && !lookalike) return undefined;
    const auth = lookalike
      ? { authentic: false, spoofed: true, evidence: `it was sent from ${lookalike}, which is not a ${platform.name} domain` }
      : judgeAuthenticity(message, { signingDomains: platform.signingDomains, trust: policy });
    const invoice = INVOICE.test(message.subject) || INVOICE.test(message.text.slice(0, 600));
    const merchant = invoice ? merchantName(message, platform.name) : undefined;
    const result: PlatformMatch = {
      authentic: auth.authentic,
      spoofed: auth.spoofed,
      authEvidence: auth.evidence,
      instance: merchant ? `merchant "${merchant}"` : (lookalike ?? platform.signingDomains[0]!),
      instanceLabel: merchant ? `merchant "${merchant}"` : '',
      trusted: isTrustedSender(policy, [merchant?.toLowerCase()]),
      kind: invoice ? 'notification' : 'account',
      unfitting: invoice ? data.unfitting : ACCOUNT_UNFITTING,
      supporting: data.supporting,
      names: merchant ? [{ role: 'merchant', value: merchant }] : [],
      outsider: `the invoice was written by a ${platform.name} merchant your organisation does not know`,
    };
    return result;
  };
}

for (const platform of data.platforms) addPlatform({ id: platform.id, name: platform.name, match: invoicingRule(platform) });

// Fixtures: test/fixtures/saas/paypal-invoice (legitimate), paypal-abuse-invoice-geek-squad (a real PayPal
// invoice from a private merchant about a Geek Squad renewal, with a number to call) (test/saas/invoicing.test.ts).
