import type { FeedMatch, Level, MailMessage, PhoneFinding, PhoneVerdict, TextPart, Verdict } from '../types.ts';
import type { LureFeatures } from '../lure/index.ts';
import type { SaasFinding } from '../saas/index.ts';
import type { Placeholder } from '../phone/index.ts';
import type { LeveledReason } from './leveled-reason.ts';
import type { Evidence } from '../evidence/index.ts';
import { maxLevel, levelRank } from './levels.ts';
import { feedReasons } from './feed-reasons.ts';
import { lureReasons } from './lure-reasons.ts';
import { evasionReasons } from './evasion-reasons.ts';

export interface Findings {
  message: MailMessage;
  /** The visible parts the extractors read (shared/message-parts.ts), each capped in length. */
  parts: readonly TextPart[];
  phones: readonly PhoneFinding[];
  placeholders: readonly Placeholder[];
  lure: LureFeatures;
  saas: SaasFinding | undefined;
  /** Numbers the policy trusts (the organisation's own helpdesk). */
  trusted: ReadonlySet<string>;
  reputation: ReadonlyMap<string, FeedMatch[]>;
  sightings: readonly LeveledReason[];
  /** Who is speaking, where it points, what kind of mail, what the reader is asked, familiar or new. */
  evidence: Evidence;
  now: Date;
}

/** Turns what the extractors and lookups found into the verdict DESIGN.md defines. */
export function judge(findings: Findings): Verdict {
  const phones = phoneVerdicts(findings);
  // Trusted only stops a number from warning by itself (feed reasons); a lure is a lure whatever it asks you to call.
  const untrusted = phones.filter((p) => !p.trusted);
  const reasons: LeveledReason[] = [
    ...feedReasons(untrusted, findings.reputation, findings.now),
    ...lureReasons(findings, phones),
    ...evasionReasons(findings, phones),
    ...(findings.saas?.reasons ?? []),
    ...findings.sightings,
  ];
  reasons.sort((a, b) => levelRank(b.level) - levelRank(a.level));
  const level: Level = maxLevel(...reasons.map((r) => r.level));
  const verdict: Verdict = {
    level,
    // params: the values the surfaces' locale catalogues fill into the reason's sentence (message is the English).
    reasons: reasons.map(({ code, message, evidence, params }) => ({ code, message, ...(evidence ? { evidence } : {}), ...(params ? { params } : {}) })),
    phones,
    brands: [...new Set(findings.lure.brands.map((b) => b.brand))],
  };
  if (findings.saas) {
    const { platform, authentic, instance, trusted } = findings.saas;
    verdict.saas = { platform, authentic, instance, trusted };
  }
  return verdict;
}

/**
 * One entry per distinct number (its first occurrence), with what the feeds and policy say of it. A scam
 * match (number or block) beats trusted; trust comes only from the policy's numbers or an exact entry.
 */
function phoneVerdicts({ phones, reputation, trusted }: Findings): PhoneVerdict[] {
  const seen = new Map<string, PhoneVerdict>();
  for (const phone of phones) {
    if (seen.has(phone.e164)) continue;
    const matches = reputation.get(phone.e164) ?? [];
    const live = matches.filter((m) => !m.expired);
    const verdict: PhoneVerdict = {
      e164: phone.e164,
      raw: phone.raw,
      part: phone.part,
      start: phone.start,
      end: phone.end,
    };
    if (phone.region) verdict.region = phone.region;
    if (phone.lineType) verdict.lineType = phone.lineType;
    const scamNumber = live.find((m) => m.verdict === 'scam' && m.kind === 'number');
    const scamBlock = live.find((m) => m.verdict === 'scam' && m.kind === 'block');
    if (scamNumber) verdict.inFeed = true;
    if (scamBlock) verdict.block = scamBlock.key;
    if (!scamNumber && !scamBlock && (trusted.has(phone.e164) || live.some(isTrustedListing))) verdict.trusted = true;
    seen.set(phone.e164, verdict);
  }
  return [...seen.values()];
}

/**
 * Only an exact number vouches for a number: a trusted block would vouch for a whole range. Parsing keeps
 * trusted entries only from feeds the policy marks as trusted lists (shared/feed/parse-feed.ts).
 */
function isTrustedListing(match: FeedMatch): boolean {
  return match.verdict === 'trusted' && match.kind === 'number';
}
