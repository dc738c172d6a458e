import type { Link } from '../types.ts';
import { isWithin, isWithinAny } from '../mail-auth/headers.ts';
import { isMailProviderHost } from './domains.ts';

/** Links to count at most; a catalogue with 500 links says no more than its first 200. */
const MAX_LINKS = 200;

/**
 * Where the message points: web links to the sender's own site (or a named brand's domains it speaks for)
 * versus elsewhere. Mail providers' tracking and link-wrapping hosts are neither. Legitimate company mail
 * links mostly home; callback lures carry no links, or links elsewhere.
 */
export interface LinkTargets {
  /** Web links counted (http and https). */
  total: number;
  /** Links to the sender's own site or to the domains of the brands it names. */
  home: number;
  /** Of `home`, those to a named brand's domains (outside the sender's own site). */
  brand: number;
  elsewhere: number;
}

export function whereItPoints(links: readonly Link[], fromSite: string | undefined, homeDomains: readonly string[]): LinkTargets {
  const targets: LinkTargets = { total: 0, home: 0, brand: 0, elsewhere: 0 };
  for (const link of links.slice(0, MAX_LINKS)) {
    const host = hostOf(link.href);
    if (!host) continue;
    targets.total++;
    if (isMailProviderHost(host)) continue;
    if (fromSite && isWithin(host, fromSite)) targets.home++;
    else if (isWithinAny(host, homeDomains)) {
      targets.home++;
      targets.brand++;
    } else targets.elsewhere++;
  }
  return targets;
}

/** Company mail links home from its logo, the order, help and account pages; a lure has a link or none. */
const MIN_HOME_LINKS = 2;

/** True when most links that lead somewhere lead home (at least two do, and no more lead elsewhere). */
export function pointsHome(targets: LinkTargets): boolean {
  return targets.home >= MIN_HOME_LINKS && targets.home >= targets.elsewhere;
}

/** True when most links lead to the domains of the brands named, not merely to the sender's own site. */
export function pointsToBrand(targets: LinkTargets): boolean {
  return targets.brand >= MIN_HOME_LINKS && targets.brand >= targets.total - targets.brand;
}

function hostOf(href: string): string | undefined {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname || undefined : undefined;
  } catch {
    return undefined;
  }
}
