import type { PhoneVerdict } from '../types.ts';
import type { Findings } from './judge.ts';
import { pointsHome, pointsToBrand } from '../evidence/index.ts';
import { ownTextParts } from '../message-parts.ts';
import { renderedLength } from './rendered-length.ts';

/** Business contexts in which a phone call to "cancel" or "dispute" is the classic callback lure. */
export const BILLING_KINDS = new Set([
  'invoice', 'renewal', 'subscription', 'order', 'payment', 'refund', 'purchase', 'charge', 'debit',
  'security-alert', 'login-alert', 'account-lock', 'crypto',
]);
/** Contexts that are an account pretext rather than a bill. */
const ACCOUNT_KINDS = new Set(['security-alert', 'login-alert', 'account-lock']);
/** Triggers that push the reader to act on a charge or an account they did not expect. */
const CALLBACK_TRIGGERS = new Set(['confusion', 'relief', 'fear']);

/** Visible text longer than this reads like a newsletter or a discussion, not a one-screen lure. */
export const LONG_MESSAGE = 10_000;
/** A bare "Phone:" label counts as a call to action only in a message this short. */
const SHORT_MESSAGE = 4_000;

/**
 * The verdict's reading of the evidence (shared/evidence) for callback lures:
 *   ask: a number the reader is asked to call (a request, or a bare label in a short message) — and whether
 *        every such number is offered for commerce (ordering, sales, bookings, information) or is a person's
 *        own ("call me"), with no dispute;
 *   pretext: a bill or an account the reader did not expect, with a push to cancel, dispute, recover or hurry
 *        (pointed when the push sits beside the number or says "if you did not make this purchase"); a receipt's
 *        terms ("cancellation", "within 24 hours") alone are not pointed;
 *   impersonation (the sender is none of the brands named):
 *        strong when the sender's name claims a brand and the links lead neither to that brand nor (without a
 *        pretext) to the sender's own site, a DMARC failure for the brand's own domain, or a freemail box whose
 *        name or subject speaks for a brand or a business;
 *        claimed when the sender's name claims a brand its links do not lead to, the subject names the brand, or a freemail box or a domain that failed authentication
 *        names it anywhere, and the links do not point home (a vendor's "now with Microsoft 365 support"
 *        links to its own site); weak when the brand is only mentioned in the body and the links do not point home;
 *   legitimate: strong when the brand itself authenticated, the sender is familiar and authenticated, the mail is a reply in a
 *        conversation, or a mailing-list post that does not pose outright (a group a scammer set up does); weak when the From domain is the brand's (unauthenticated),
 *        the links point home, it is bulk mail, or it answers earlier mail (In-Reply-To, References).
 */
export interface LureReading {
  length: number;
  target?: PhoneVerdict;
  callEvidence?: string;
  commerceOnly: boolean;
  brands: string[];
  billingKind?: string;
  pretext: boolean;
  /** The push is aimed at the reader: a dispute ask beside the number, or "if you did not make this purchase". */
  pointedPretext: boolean;
  impersonation: 'strong' | 'claimed' | 'weak' | undefined;
  legitimate: 'strong' | 'weak' | undefined;
}

export function readLure({ lure, parts, evidence }: Findings, phones: readonly PhoneVerdict[]): LureReading {
  const { speaker, links, kind, ask, familiar } = evidence;
  const length = renderedBodyLength(parts);
  const numbers = new Set(phones.map((p) => p.e164));
  const calls = lure.callToAction.filter(
    (c) => c.phoneE164 !== undefined && numbers.has(c.phoneE164) && (c.kind === 'request' || length <= SHORT_MESSAGE),
  );
  const target = phones.find((p) => calls.some((c) => c.phoneE164 === p.e164));
  const called = [...new Set(calls.map((c) => c.phoneE164!))];
  const brands = [...new Set(lure.brands.map((b) => b.brand))];
  const billing = lure.contexts.filter((c) => BILLING_KINDS.has(c.kind));
  const triggers = lure.triggers.filter((t) => CALLBACK_TRIGGERS.has(t.kind));
  const disputed = called.some((n) => ask.dispute.has(n));
  const commerceOnly = called.length > 0 && called.every((n) => ask.commerce.has(n) || ask.personal.has(n)) &&
    !triggers.some((t) => t.kind !== 'fear');
  const situation = billing.length > 0 || lure.contexts.some((c) => ACCOUNT_KINDS.has(c.kind)) || ask.pretext !== undefined;
  const pretext = situation && (triggers.length > 0 || disputed);
  const pointedPretext = situation && (disputed || triggers.some((t) => t.kind === 'confusion'));

  // Mail that carries the receiver's results but did not authenticate, from a company domain: its links
  // prove nothing about who sent it (anyone can link to a brand's site or to the domain they forged).
  const unverified = speaker.hasAuthResults && !speaker.authenticated && !speaker.freemail;
  // A site dressed as a brand ("secure-mcafee-billing.net") links to the real brand only to look like it.
  const dressed = speaker.dressedAs.length > 0;
  const home = pointsHome(links) && !unverified && !dressed;
  // A name or subject that speaks for a brand is backed only by links to that brand, not to the sender's site.
  const toBrand = pointsToBrand(links) && !unverified && !dressed;
  const foreign = speaker.own.length === 0 && !home;
  const nameClaim = (dressed || speaker.displayName.some((b) => !speaker.own.includes(b))) && !toBrand;
  const strong = speaker.spoofed ||
    (nameClaim && (!home || pretext)) ||
    (speaker.freemail && (speaker.claimed.length > 0 || speaker.businessName));
  const claimed = nameClaim || (foreign && (speaker.claimed.length > 0 || ((speaker.freemail || unverified) && brands.length > 0)));
  const weak = foreign && brands.length > 0;
  // Scammers also send through groups they set up: a list excuses a message unless it poses outright.
  // A familiar sender vouches strongly only when the receiver vouched for it: a From address can be forged.
  const legitStrong = (speaker.authenticated && speaker.own.length > 0) || (familiar.familiar && speaker.authenticated) ||
    kind.conversation || (kind.list && !strong);
  const legitWeak = (speaker.own.length > 0 && !speaker.spoofed) || familiar.familiar || home || kind.bulk || kind.threaded || kind.list;

  const reading: LureReading = {
    length,
    commerceOnly,
    brands,
    pretext,
    pointedPretext,
    impersonation: strong ? 'strong' : claimed ? 'claimed' : weak ? 'weak' : undefined,
    legitimate: legitStrong ? 'strong' : legitWeak ? 'weak' : undefined,
  };
  if (target) reading.target = target;
  const evidenceOf = calls.find((c) => c.phoneE164 === target?.e164)?.evidence;
  if (evidenceOf) reading.callEvidence = evidenceOf;
  if (billing[0]) reading.billingKind = billing[0].kind;
  else {
    const account = lure.contexts.find((c) => ACCOUNT_KINDS.has(c.kind));
    if (account) reading.billingKind = account.kind;
  }
  return reading;
}

/** What the reader scrolls through in the body and the parts it carries, measured as rendered (#10.2). */
function renderedBodyLength(parts: Findings['parts']): number {
  let length = 0;
  for (const part of ownTextParts(parts)) {
    if (part.id === 'subject') continue;
    length += renderedLength(part.text, LONG_MESSAGE - length);
    if (length > LONG_MESSAGE) break;
  }
  return length;
}
