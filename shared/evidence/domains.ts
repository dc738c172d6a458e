import { getDomain } from 'tldts';
import brandDomains from '../data/brand-domains.json' with { type: 'json' };
import freemail from '../data/freemail-domains.json' with { type: 'json' };
import providers from '../data/mail-providers.json' with { type: 'json' };
import { isWithinAny } from '../mail-auth/headers.ts';

const BRAND_DOMAINS = brandDomains as unknown as Record<string, string[] | string>;
const FREEMAIL = freemail.domains;
const TRACKING = providers.tracking;

/** The registrable domain ("delta.com" for "click.t.delta.com"), or the host itself when it has none. */
export function siteOf(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const h = host.toLowerCase().replace(/\.$/, '');
  return getDomain(h, { allowPrivateDomains: false }) ?? h;
}

/** The domains a brand of shared/data/brands.json sends mail from and links to. */
export function domainsOfBrand(brand: string): string[] {
  const domains = BRAND_DOMAINS[brand];
  return Array.isArray(domains) ? domains : [];
}

/** True when the domain belongs to the brand (brand-domains.json). */
export function isBrandDomain(domain: string | undefined, brand: string): boolean {
  return isWithinAny(domain, domainsOfBrand(brand));
}

export function isFreemail(domain: string | undefined): boolean {
  return isWithinAny(domain, FREEMAIL);
}

/** Link-tracking and link-wrapping hosts of mail providers and filters: neither home nor elsewhere. */
export function isMailProviderHost(host: string | undefined): boolean {
  return isWithinAny(host, TRACKING);
}
