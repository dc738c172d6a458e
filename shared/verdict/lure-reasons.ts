import type { PhoneVerdict } from '../types.ts';
import type { Findings } from './judge.ts';
import type { LeveledReason } from './leveled-reason.ts';
import { formatNumber } from './format-number.ts';
import { sentByNamedBrands } from './genuine-brands.ts';
import { authenticatedFromDomain } from '../mail-auth/authenticated-from-domain.ts';
import { ownTextParts } from '../message-parts.ts';

/** Business contexts in which a phone call to "cancel" or "dispute" is the classic callback lure. */
const BILLING_KINDS = new Set([
  'invoice', 'renewal', 'subscription', 'order', 'payment', 'refund', 'purchase', 'charge', 'debit',
  'security-alert', 'login-alert', 'account-lock', 'crypto',
]);

/** Triggers that push the reader to act on a charge they did not expect. */
const CALLBACK_TRIGGERS = new Set(['confusion', 'relief', 'fear']);

/** Visible text longer than this reads like a newsletter or a discussion, not a one-screen lure. */
const LONG_MESSAGE = 10_000;
/** A bare "Phone:" label counts as a call to action only in a message this short. */
const SHORT_MESSAGE = 4_000;

/** Heuristic reasons for callback lures: brand impersonation, billing context, a number to call. */
export function lureReasons({ lure, placeholders, phones: allPhones, message, parts }: Findings, phones: readonly PhoneVerdict[]): LeveledReason[] {
  const reasons: LeveledReason[] = [];
  const length = bodyLength(parts);
  const billing = lure.contexts.filter((c) => BILLING_KINDS.has(c.kind));
  const triggers = lure.triggers.filter((t) => CALLBACK_TRIGGERS.has(t.kind));
  const untrusted = new Set(phones.map((p) => p.e164));
  const calls = lure.callToAction.filter(
    (c) => c.phoneE164 !== undefined && untrusted.has(c.phoneE164) && (c.kind === 'request' || length <= SHORT_MESSAGE),
  );
  const requests = calls.filter((c) => c.kind === 'request');
  const target = phones.find((p) => calls.some((c) => c.phoneE164 === p.e164));
  const brands = [...new Set(lure.brands.map((b) => b.brand))];
  const context = billing[0]?.kind;

  if (target && brands.length > 0 && length <= LONG_MESSAGE && (billing.length > 0 || lure.amounts.length > 0)) {
    const sender = authenticatedFromDomain(message);
    if (sentByNamedBrands(brands, sender)) {
      // Really sent by the brand: its own help line, or a note a scammer wrote into its invoice or money-request.
      reasons.push({
        code: 'brand-mail-with-number',
        level: 'caution',
        message:
          `This message really comes from ${list(brands)} (${sender}) and asks you to call ${formatNumber(target.e164)}. ` +
          `Scammers also write their number into real invoices and payment requests: check it on ${list(brands)}'s own website before you call.`,
        evidence: calls[0]?.evidence ?? target.raw,
      });
    } else {
      reasons.push({
        code: 'brand-callback-lure',
        level: 'warning',
        message:
          `This message presents itself as ${list(brands)}${context ? ` (${describeContext(context)})` : ''} and asks you to call ` +
          `${formatNumber(target.e164)}. Scammers send fake invoices and renewals so that you phone them. ` +
          `Do not call: if in doubt, use the number on the company's own website.`,
        evidence: calls[0]?.evidence ?? target.raw,
      });
    }
  } else if (target && requests.length > 0 && billing.length > 0 && length <= LONG_MESSAGE) {
    const strong = triggers.length > 0 && lure.amounts.length > 0;
    reasons.push({
      code: 'callback-lure',
      level: strong ? 'warning' : 'caution',
      message:
        `This message is about ${describeContext(billing[0]!.kind)} you may not recognise and asks you to call ` +
        `${formatNumber(target.e164)}. That is how callback scams work: do not call a number from an unexpected bill.`,
      evidence: requests[0]?.evidence ?? target.raw,
    });
  } else if (allPhones.length === 0 && brands.length > 0 && lure.callToAction.length > 0 && billing.length > 0) {
    reasons.push({
      code: 'callback-lure-no-number',
      level: 'caution',
      message:
        `This message presents itself as ${list(brands)} and asks you to phone about ${describeContext(billing[0]!.kind)}, ` +
        `but the number is not in the text (it may be in an image).`,
      evidence: lure.callToAction[0]?.evidence,
    });
  }

  if (placeholders.length > 0 && (brands.length > 0 || billing.length > 0)) {
    reasons.push({
      code: 'scam-template-placeholder',
      level: 'caution',
      message: `The message contains a placeholder or fake number ("${placeholders[0]!.raw}"), a sign of a mass-mailing scam template.`,
      evidence: placeholders[0]!.raw,
    });
  }
  return reasons;
}

/** Length of the body and the parts it carries (calendar, attached messages): what the reader scrolls through. */
function bodyLength(parts: Findings['parts']): number {
  return ownTextParts(parts).reduce((n, p) => (p.id === 'subject' ? n : n + p.text.length), 0);
}

function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const CONTEXT_WORDS: Record<string, string> = {
  invoice: 'an invoice',
  renewal: 'a renewal',
  subscription: 'a subscription',
  order: 'an order',
  payment: 'a payment',
  refund: 'a refund',
  purchase: 'a purchase',
  charge: 'a charge',
  debit: 'a debit',
  'security-alert': 'a security alert',
  'login-alert': 'a sign-in alert',
  'account-lock': 'a locked account',
  crypto: 'a crypto account',
};

function describeContext(kind: string): string {
  return CONTEXT_WORDS[kind] ?? kind;
}
