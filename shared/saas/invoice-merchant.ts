import type { PhoneFinding, TextPart } from '../types.ts';
import { findMismatches } from './find-mismatches.ts';
import { nameIsBrand, namedBrands } from './named-brands.ts';
import type { PlatformMatch, SaasSignal } from './types.ts';

/**
 * A real invoice whose merchant is not the brand it names: "J. Smith" invoicing a Norton LifeLock renewal
 * through PayPal. With a number to call it is a callback lure delivered by proxy; without one it still does
 * not fit (a reseller may name the products it sells, so alone it is a warning, not a danger).
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
  const call = findMismatches(parts, ['phone-call'], phones)[0];
  const named = brands.slice(0, 3).join(', ');
  return {
    code: 'saas-brand-not-merchant',
    label: `${named}, which the merchant is not`,
    lure: Boolean(call),
    weak: false,
    evenWhenTrusted: false,
    message:
      `This ${platform} ${/request/i.test(parts[0]?.text ?? '') ? 'request' : 'invoice'} comes from the merchant "${merchant}", but it talks about ${named}. ` +
      (call
        ? `Scammers send real ${platform} invoices that name a well-known brand so that you call their number (${call.evidence}) to dispute the charge: do not call it, and check any charge with the brand directly.`
        : `"${merchant}" is not ${named}; check with ${named} directly before paying.`),
    evidence: call ? `${named}; ${call.evidence}` : named,
  };
}
