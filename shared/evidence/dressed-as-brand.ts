import { foldDomainLabel } from '../saas/fold-domain.ts';
import { isBrandDomain } from './domains.ts';

/** Brand names shorter than this are too likely inside ordinary words to count in a domain name. */
const MIN_NAME = 4;

/**
 * Brands named in the message whose name the From site wears without being theirs: "secure-mcafee-billing.net",
 * "intl-paypal-billing.com", "paypal-resolution.net". The label must be hyphenated and the name must open one
 * of its pieces: "purchase-receipts.com" does not wear Chase, and a brand's own one-word vanity sites
 * ("chasetravel.com") are not read as costumes. Links such a sender adds to the real brand's site back
 * nothing: they were copied.
 */
export function dressedAsBrand(fromDomain: string | undefined, fromSite: string | undefined, brands: readonly string[]): string[] {
  if (!fromDomain || !fromSite) return [];
  const label = fromSite.slice(0, fromSite.indexOf('.') >>> 0);
  const pieces = foldDomainLabel(label).split('-').filter(Boolean);
  if (pieces.length < 2) return [];
  return brands.filter((brand) => {
    const name = foldDomainLabel(brand).replace(/[^a-z0-9]/g, '');
    return name.length >= MIN_NAME && !isBrandDomain(fromDomain, brand) && pieces.some((p) => p.startsWith(name));
  });
}
