import { getDomain } from 'tldts';
import brandDomains from '../data/brand-domains.json' with { type: 'json' };
import freemail from '../data/freemail-domains.json' with { type: 'json' };
import providers from '../data/mail-providers.json' with { type: 'json' };
import { isWithinAny } from '../mail-auth/headers.ts';

const BRAND_DOMAINS = brandDomains as unknown as Record<string, string[] | string>;
const FREEMAIL = new Set(freemail.domains);
const TRACKING = new Set(providers.tracking);

/** True when the domain or one of its parents is in the set: one Set probe per label, not one test per entry. */
function withinSet(domain: string | undefined, set: ReadonlySet<string>): boolean {
  if (!domain) return false;
  let d = domain.toLowerCase();
  for (;;) {
    if (set.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
}

const SITES = new Map<string, string>();
/** Sites remembered between messages: a mailbox sees the same few hundred sender domains again and again. */
const MAX_SITES = 2_000;

/** The registrable domain ("delta.com" for "click.t.delta.com"), or the host itself when it has none. */
export function siteOf(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const h = host.toLowerCase().replace(/\.$/, '');
  let site = SITES.get(h);
  if (site === undefined) {
    site = getDomain(h, { allowPrivateDomains: false }) ?? h;
    if (SITES.size >= MAX_SITES) SITES.clear();
    SITES.set(h, site);
  }
  return site;
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
  return withinSet(domain, FREEMAIL);
}

/** Link-tracking and link-wrapping hosts of mail providers and filters: neither home nor elsewhere. */
export function isMailProviderHost(host: string | undefined): boolean {
  return withinSet(host, TRACKING);
}
