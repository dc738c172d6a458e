// Reasons as data: a reason's code picks a catalogue key, its parameters come from the reason (`params`, when
// the core gives them) or from the verdict (brands, platform). A code the catalogue does not know is shown
// with the core's own English `message`, so a new rule is never silent.
import type { Reason, Verdict } from '../types.ts';
import type { Translate } from './translator.ts';

/** Catalogue key of a reason code: "feed-number" → "reason_feed_number". */
export function reasonKey(code: string): string {
  return `reason_${code.replace(/-/g, '_')}`;
}

/** Codes whose sentence names the brand; without a brand they read as the plain callback lure. */
const NEEDS_BRAND = new Set(['brand-callback-lure', 'callback-lure-no-number', 'brand-mail-with-number']);

/** Reason codes the catalogue has a sentence for (the locale test checks each one in every language). */
export const CATALOGUED_REASONS = [
  'feed-number', 'feed-block', 'feed-expired', 'brand-callback-lure', 'callback-lure', 'callback-lure-no-number',
  'brand-mail-with-number', 'scam-template-placeholder', 'evasive-callback', 'evasive-text',
  'saas-spoofed-notification', 'saas-untrusted-instance', 'saas-semantic-mismatch', 'saas-lookalike-instance',
  'saas-lookalike-link', 'saas-redirect-link', 'saas-mass-mentions', 'saas-platform-impersonation',
  'saas-echoed-request', 'saas-crypto-giveaway', 'saas-consent-link', 'saas-brand-not-merchant',
  'sighting-multi-brand', 'sighting-burst',
] as const;

const KNOWN = new Set<string>(CATALOGUED_REASONS);
const NEEDS_COUNT = new Set(['sighting-burst']);

/** The reader's sentence for one reason, in the translator's language. */
export function reasonText(reason: Reason, verdict: Pick<Verdict, 'brands' | 'saas'>, t: Translate, locale = 'en'): string {
  if (!KNOWN.has(reason.code)) return reason.message;
  const params: Record<string, string | number> = {
    brand: listOf(verdict.brands, locale),
    platform: platformName(verdict.saas?.platform),
  };
  // The core's own values win; a list (brands) is joined the reader's way ("PayPal und Norton").
  for (const [name, value] of Object.entries(reason.params ?? {})) params[name] = Array.isArray(value) ? listOf(value, locale) : value;
  if (NEEDS_BRAND.has(reason.code) && !params.brand) {
    return t(reasonKey('callback-lure'), params);
  }
  // A sentence that needs a count the core did not give is left in the core's English.
  if (NEEDS_COUNT.has(reason.code) && typeof params.count !== 'number') return reason.message;
  return t(reasonKey(reason.code), params);
}

/** "PayPal", "PayPal and Norton", "PayPal, Norton and McAfee" in the reader's language. */
export function listOf(items: readonly string[], locale: string): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0]!;
  try {
    return listFormat(locale).format(items.slice(0, 3));
  } catch {
    return items.slice(0, 3).join(', ');
  }
}

const listFormats = new Map<string, Intl.ListFormat>();

/** One formatter per locale: building an Intl object costs more than using it, and every banner lists brands. */
function listFormat(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })));
  return format;
}

const PLATFORM_NAMES: Record<string, string> = {
  github: 'GitHub', jira: 'Jira', zendesk: 'Zendesk', google: 'Google', freshdesk: 'Freshdesk', helpscout: 'Help Scout',
  'help-scout': 'Help Scout', zoho: 'Zoho Desk', 'zoho-desk': 'Zoho Desk', intercom: 'Intercom', hubspot: 'HubSpot',
  paypal: 'PayPal', stripe: 'Stripe', quickbooks: 'QuickBooks', square: 'Square',
};

export function platformName(id: string | undefined): string {
  if (!id) return '';
  return PLATFORM_NAMES[id] ?? id.charAt(0).toUpperCase() + id.slice(1);
}
