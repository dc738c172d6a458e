/**
 * Evidence that separates a callback lure from ordinary commerce, each feature in its own file:
 *   whoIsSpeaking — brands named versus the (authenticated) From domain;
 *   whereItPoints — links home (the sender's site, the brand's domains) versus elsewhere;
 *   mailKind — list, bulk, conversation;
 *   readerAsk — what the reader is asked to call a number for (dispute or commerce), and the pretext;
 *   familiarity (shared/senders) — a sender seen on many earlier days.
 */
import type { MailMessage, PhoneFinding, TextPart } from '../types.ts';
import type { BrandHit } from '../lure/index.ts';
import type { Familiarity } from '../senders/familiar-sender.ts';
import type { AuthTrust } from '../mail-auth/authentication-results.ts';
import { whoIsSpeaking, type Speaker } from './who-is-speaking.ts';
import { whereItPoints, pointsHome, pointsToBrand, type LinkTargets } from './where-it-points.ts';
import { mailKind, type MailKind } from './mail-kind.ts';
import { readerAsk, type ReaderAsk } from './reader-ask.ts';
import { domainsOfBrand } from './domains.ts';

export type { Speaker, LinkTargets, MailKind, ReaderAsk, Familiarity };
export { whoIsSpeaking, whereItPoints, pointsHome, pointsToBrand, mailKind, readerAsk };

export interface Evidence {
  speaker: Speaker;
  links: LinkTargets;
  kind: MailKind;
  ask: ReaderAsk;
  familiar: Familiarity;
}

export const UNKNOWN_SENDER: Familiarity = { earlierDays: 0, familiar: false };

export function gatherEvidence(
  message: MailMessage,
  parts: readonly TextPart[],
  phones: readonly PhoneFinding[],
  brands: readonly BrandHit[],
  familiar: Familiarity = UNKNOWN_SENDER,
  trust: AuthTrust = {},
): Evidence {
  const speaker = whoIsSpeaking(message, brands, trust);
  const home = [...new Set([...speaker.own, ...speaker.claimed])].flatMap(domainsOfBrand);
  return {
    speaker,
    links: whereItPoints(message.links, speaker.fromSite, home),
    kind: mailKind(message),
    ask: readerAsk(parts, phones),
    familiar,
  };
}
