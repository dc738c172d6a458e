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
 * request (or receipt) whose merchant and memo are whoever opened the account. The brand-versus-merchant check
 * is invoice-merchant.ts; a number to call counts only next to a refund or dispute pretext.
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

// Where the merchant's text sits (merchant name in the subject and sender, seller note or memo, line items,
// footer) and the platforms' own paragraphs set aside ("Don't recognize this request? ... dispute the
// transaction"): shared/data/saas-templates.json (test/saas/user-content.test.ts).
// Fixtures (test/saas/platform-fixtures.test.ts, test/saas/invoicing.test.ts): legitimate paypal-invoice,
// paypal-money-request-note, stripe-invoice, stripe-receipt-support-phone, square-receipt-restaurant,
// quickbooks-invoice-plumber, and invoiceninja-reseller-norton (a shop reselling Norton 360, its own number:
// a caution, never a danger); abused paypal-abuse-invoice-geek-squad, square-abuse-invoice-norton,
// quickbooks-abuse-geek-squad-cancel, zohoinvoice-abuse-norton-dispute (a brand the merchant is not, and a
// number to call to cancel, dispute or refund a charge).
