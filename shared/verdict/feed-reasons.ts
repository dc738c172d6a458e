import type { FeedMatch, PhoneVerdict } from '../types.ts';
import { describeMatch } from '../feed/index.ts';
import type { LeveledReason } from './leveled-reason.ts';
import { formatNumber } from './format-number.ts';
import { coded } from './reason-codes.ts';

/** Reasons from the reputation feeds: live scam entries raise danger; expired ones are history, a quiet note. */
export function feedReasons(
  phones: readonly PhoneVerdict[],
  reputation: ReadonlyMap<string, FeedMatch[]>,
  now: Date,
): LeveledReason[] {
  const reasons: LeveledReason[] = [];
  for (const phone of phones) {
    const matches = (reputation.get(phone.e164) ?? []).filter((m) => m.verdict === 'scam');
    const number = formatNumber(phone.e164);
    const exact = matches.find((m) => m.kind === 'number' && !m.expired);
    const block = matches.find((m) => m.kind === 'block' && !m.expired);
    if (exact) {
      reasons.push({
        ...coded('feed-number', { list: exact.feed, ...facts(exact) }),
        level: 'danger',
        message: withFacts(`${number} is on a scam-number list (${exact.feed}).`, exact, now),
        evidence: phone.raw,
      });
    } else if (block) {
      reasons.push({
        ...coded('feed-block', { list: block.feed, ...facts(block) }),
        level: 'danger',
        message: withFacts(
          `${number} belongs to a block of numbers that scammers use (${block.key} followed by ${block.digits ?? '?'} digits, on ${block.feed}).`,
          block,
          now,
        ),
        evidence: phone.raw,
      });
    } else {
      const old = matches.find((m) => m.expired);
      if (old) {
        reasons.push({
          ...coded('feed-expired', { list: old.feed, ...facts(old) }),
          level: 'caution',
          message: withFacts(`${number} was reported as a scam number in the past (${old.feed}); the report has expired.`, old, now),
          evidence: phone.raw,
        });
      }
    }
  }
  return reasons;
}

/** The sentence, then what the feed knows of the entry (reports, brands, last seen) when it knows anything. */
function withFacts(sentence: string, match: FeedMatch, now: Date): string {
  const facts = describeMatch(match, now);
  return facts ? `${sentence} ${facts}` : sentence;
}

/** The same facts as data for the surfaces: reports, brands, and the last (or else first) date seen. */
function facts(match: FeedMatch): { reports?: number; brands?: string[]; lastSeen?: string; firstSeen?: string } {
  const known: { reports?: number; brands?: string[]; lastSeen?: string; firstSeen?: string } = {};
  if (match.reports) known.reports = match.reports;
  if (match.brands?.length) known.brands = [...match.brands];
  if (match.lastSeen && !Number.isNaN(Date.parse(match.lastSeen))) known.lastSeen = match.lastSeen;
  else if (match.firstSeen && !Number.isNaN(Date.parse(match.firstSeen))) known.firstSeen = match.firstSeen;
  return known;
}
