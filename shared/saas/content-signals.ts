import type { MailMessage, PhoneFinding, TextPart } from '../types.ts';
import { visibleParts } from '../message-parts.ts';
import { findConsentLinks } from './consent-links.ts';
import { findCryptoGiveaway } from './crypto-giveaway.ts';
import { findEchoedRequest } from './echoed-request.ts';
import { findBrandNotMerchant } from './invoice-merchant.ts';
import { findLinkDestinations, messageUrls } from './link-destinations.ts';
import { findMassMentions } from './mass-mentions.ts';
import { findPlatformImpersonation } from './platform-impersonation.ts';
import { platformProfile } from './platform-profile.ts';
import type { Mismatch, PlatformMatch, PlatformRule, SaasSignal } from './types.ts';

/** Names an instance's users choose for themselves; repository and site names are left to instance-lookalike. */
const AUTHOR_ROLES = new Set(['account', 'sender name', 'help desk', 'service project', 'project']);

/**
 * The evidence about a notification's user-written content, one feature a file: platform impersonation,
 * look-alike and hidden links, links to grant an app access, a brand the invoicing merchant is not, mass mentions, a crypto giveaway, an echoed request. The platform's own mail
 * about the reader's account (kind "account") is the platform speaking, and is not read for these.
 */
export function findContentSignals(
  message: MailMessage,
  rule: PlatformRule,
  match: PlatformMatch,
  mismatches: readonly Mismatch[],
  phones: readonly PhoneFinding[] = [],
  parts: readonly TextPart[] = visibleParts(message),
): SaasSignal[] {
  if (match.kind === 'account' && !match.spoofed) return [];
  const profile = platformProfile(rule.id, rule.name);
  // The user-written subject and body (the platform's own paragraphs already set aside by the caller).
  const texts = ['subject', 'body'].map((id) => parts.find((p) => p.id === id)?.text ?? '');
  const signals: SaasSignal[] = [];
  const platformsOwn = profile.ownInstances.includes(match.instance.toLowerCase());
  if (!match.spoofed && !platformsOwn) {
    const names = match.names.filter((n) => AUTHOR_ROLES.has(n.role)).map((n) => n.value);
    if (match.actor) names.push(match.actor.replace(/^@/, ''));
    const impersonation = findPlatformImpersonation({ profile, names, texts });
    if (impersonation) signals.push(impersonation);
  }
  const urls = messageUrls(message);
  signals.push(...findLinkDestinations(urls, profile));
  const consent = findConsentLinks(urls, profile);
  if (consent) signals.push(consent);
  const brand = findBrandNotMerchant(parts, phones, match, rule.name);
  if (brand) signals.push(brand);
  const mentions = findMassMentions(message, profile);
  if (mentions) signals.push(mentions);
  const giveaway = findCryptoGiveaway([message.from?.name ?? '', ...texts]);
  if (giveaway) signals.push(giveaway);
  const echoed = findEchoedRequest(message, match, rule.name, [...mismatches, ...signals.filter((s) => s.lure)]);
  if (echoed) signals.push(echoed);
  return signals;
}
