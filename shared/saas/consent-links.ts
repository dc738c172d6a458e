import { isWithinAny } from '../mail-auth/headers.ts';
import type { PlatformProfile } from './platform-profile.ts';
import type { SaasSignal } from './types.ts';
import { coded } from '../verdict/reason-codes.ts';

const compiled = new Map<string, RegExp[]>();

/**
 * Links in user-written content to the platform's own page for granting an app access to the reader's
 * account (OAuth consent, a device code, an app install). The page is real, so nothing looks wrong on it, but
 * whoever wrote the issue or comment gets the account: "security alert: authorize the security app".
 */
export function findConsentLinks(urls: readonly string[], profile: PlatformProfile): SaasSignal | undefined {
  if (profile.consentLinks.length === 0) return undefined;
  let patterns = compiled.get(profile.id);
  if (!patterns) {
    patterns = profile.consentLinks.map((p) => new RegExp(p, 'i'));
    compiled.set(profile.id, patterns);
  }
  for (const raw of urls) {
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      continue;
    }
    if (!isWithinAny(url.hostname.toLowerCase(), profile.ownedDomains)) continue;
    if (!patterns.some((p) => p.test(url.pathname))) continue;
    const shown = `${url.hostname}${url.pathname}`;
    return {
      ...coded('saas-consent-link', { platform: profile.name, link: shown }),
      label: `a link to grant an app access to your ${profile.name} account`,
      lure: true,
      weak: false,
      evenWhenTrusted: false,
      message:
        `It links to ${profile.name}'s own page for giving an app access to your account (${shown}). The page is real, but the ` +
        `request comes from whoever wrote this, not from ${profile.name}: granting it hands them your account.`,
      evidence: shown,
    };
  }
  return undefined;
}
