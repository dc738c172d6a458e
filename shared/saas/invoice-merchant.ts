import data from '../data/saas-invoicing.json' with { type: 'json' };
import type { PhoneFinding, TextPart } from '../types.ts';
import { findMismatches } from './find-mismatches.ts';
import { nameIsBrand, namedBrands } from './named-brands.ts';
import type { PlatformMatch, SaasSignal } from './types.ts';
import { coded } from '../verdict/reason-codes.ts';

const DISPUTE = new RegExp(data.disputePretext, 'i');
/** How far either side of a number the cancel/dispute/refund pretext must be to count as "call about it". */
const PRETEXT_WINDOW = 200;

/** A number the invoice asks the reader to call to cancel, dispute or refund a charge (the words near the number). */
function callAboutCharge(parts: readonly TextPart[], phones: readonly PhoneFinding[]): boolean {
  const byId = new Map(parts.map((p) => [p.id, p.text]));
  return phones.some((phone) => {
    const text = byId.get(phone.part);
    return text !== undefined && DISPUTE.test(text.slice(Math.max(0, phone.start - PRETEXT_WINDOW), phone.end + PRETEXT_WINDOW));
  });
}

/**
 * A real invoice whose merchant is not the brand it names: "J. Smith" invoicing a Norton LifeLock renewal
 * through PayPal. The lure is a number to call to cancel, dispute or refund a charge: with one it is a callback
 * lure delivered by proxy. A brand name and the merchant's own number without that pretext is what a reseller
 * sends ("Norton 360 licence", the shop's phone in its footer): only a caution.
 */
export function findBrandNotMerchant(
  parts: readonly TextPart[],
  phones: readonly PhoneFinding[],
  match: PlatformMatch,
  platform: string,
): SaasSignal | undefined {
  const merchant = match.names.find((n) => n.role === 'merchant')?.value;
  if (!merchant || match.kind !== 'notification') return undefined;
  const brands = namedBrands(parts.map((p) => p.text).join('\n')).filter((b) => !nameIsBrand(merchant, b) && !nameIsBrand(platform, b));
  if (brands.length === 0) return undefined;
  const call = callAboutCharge(parts, phones) ? findMismatches(parts, ['phone-call'], phones)[0] : undefined;
  const named = brands.slice(0, 3).join(', ');
  return {
    ...coded('saas-brand-not-merchant', { ...(call ? { variant: 'call' as const } : {}), platform, merchant, brand: brands.slice(0, 3) }),
    label: `${named}, which the merchant is not`,
    lure: Boolean(call),
    weak: !call,
    evenWhenTrusted: false,
    message:
      `This ${platform} ${/request/i.test(parts[0]?.text ?? '') ? 'request' : 'invoice'} comes from the merchant "${merchant}", but it talks about ${named}. ` +
      (call
        ? `Scammers send real ${platform} invoices that name a well-known brand so that you call their number (${call.evidence}) to dispute the charge: do not call it, and check any charge with the brand directly.`
        : `Shops do resell ${named}; if you did not buy from "${merchant}", check with ${named} directly before paying.`),
    evidence: call ? `${named}; ${call.evidence}` : named,
  };
}
