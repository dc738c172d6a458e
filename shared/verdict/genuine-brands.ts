import brandDomains from '../data/brand-domains.json' with { type: 'json' };
import { isWithinAny } from '../mail-auth/headers.ts';

const DOMAINS = brandDomains as unknown as Record<string, string[] | string>;

/** True when the authenticated sender domain belongs to every brand the message names. */
export function sentByNamedBrands(brands: readonly string[], authenticatedDomain: string | undefined): boolean {
  if (!authenticatedDomain || brands.length === 0) return false;
  return brands.every((brand) => {
    const domains = DOMAINS[brand];
    return Array.isArray(domains) && isWithinAny(authenticatedDomain, domains);
  });
}
