import type { PhoneVerdict } from '../types.ts';
import type { Findings } from './judge.ts';
import type { LeveledReason } from './leveled-reason.ts';
import { formatNumber } from './format-number.ts';
import { readLure, LONG_MESSAGE, type LureReading } from './lure-evidence.ts';
import { coded, TOPICS, type Topic } from './reason-codes.ts';

/**
 * Callback-lure reasons from the evidence (see lure-evidence.ts). `warning` only when the evidence is a lure:
 * impersonation, or a pretext from a sender with nothing legitimate about it, together with a request to call.
 * Commerce with a number stays `none`; mail that really comes from the brand, or from a familiar sender, a
 * conversation or a list, is at most a `caution`.
 */
export function lureReasons(findings: Findings, phones: readonly PhoneVerdict[]): LeveledReason[] {
  const reasons: LeveledReason[] = [];
  const r = readLure(findings, phones);
  const { lure, placeholders, phones: allPhones, evidence } = findings;
  const { speaker } = evidence;

  if (r.target && r.length <= LONG_MESSAGE && (!r.commerceOnly || r.impersonation === 'strong')) {
    const lureLike = r.impersonation !== undefined || r.pretext;
    const isLure = r.impersonation === 'strong' ||
      (r.impersonation === 'claimed' && r.billingKind !== undefined) ||
      (r.impersonation === 'claimed' && r.pretext) ||
      // A brand only mentioned in the body of mail its sender authenticated is a shop reselling it, unless pushed.
      (r.impersonation === 'weak' && (r.pretext || (r.billingKind !== undefined && !speaker.authenticated)) && r.legitimate === undefined) ||
      (r.pointedPretext && r.legitimate === undefined);
    const number = formatNumber(r.target.e164);
    const evidenceText = r.callEvidence ?? r.target.raw;
    if (speaker.authenticated && speaker.own.length > 0 && (r.billingKind || lure.amounts.length > 0)) {
      // Really sent by the brand: its own help line, or a note a scammer wrote into its invoice or money-request.
      reasons.push({
        ...coded('brand-mail-with-number', { brand: [...speaker.own], domain: speaker.fromDomain ?? '' }),
        level: 'caution',
        message:
          `This message really comes from ${list(speaker.own)} (${speaker.fromDomain}) and asks you to call ${number}. ` +
          `Scammers also write their number into real invoices and payment requests: check it on ${list(speaker.own)}'s own website before you call.`,
        evidence: evidenceText,
      });
    } else if (isLure && r.legitimate !== 'strong') {
      reasons.push(r.brands.length > 0 ? brandLure(r, findings, number, evidenceText) : {
        ...coded('callback-lure', speaker.freemail && speaker.fromDomain
          ? { variant: 'freemail', topic: topicOf(r.billingKind), domain: speaker.fromDomain }
          : { topic: topicOf(r.billingKind) }),
        level: 'warning',
        message:
          `This message is about ${describeContext(r.billingKind)} you may not recognise${senderNote(findings)} and asks you to call ` +
          `${number}. That is how callback scams work: do not call a number from an unexpected bill or alert.`,
        evidence: evidenceText,
      });
    } else if (lureLike && (r.brands.length > 0 || r.billingKind)) {
      reasons.push({
        ...coded('callback-lure', r.brands.length > 0 ? { variant: 'names-brand', brand: [...r.brands] } : { variant: 'names-topic', topic: topicOf(r.billingKind) }),
        level: 'caution',
        message:
          `This message ${r.brands.length > 0 ? `names ${list(r.brands)} ` : ''}${r.billingKind ? `about ${describeContext(r.billingKind)} ` : ''}` +
          `and asks you to call ${number}. If you did not expect it, find the number on the company's own website instead.`,
        evidence: evidenceText,
      });
    }
  } else if (allPhones.length === 0 && r.brands.length > 0 && lure.callToAction.length > 0 && r.billingKind &&
    r.legitimate !== 'strong' && speaker.own.length === 0) {
    reasons.push({
      ...coded('callback-lure-no-number', { brand: [...r.brands], topic: topicOf(r.billingKind) }),
      level: 'caution',
      message:
        `This message presents itself as ${list(r.brands)} and asks you to phone about ${describeContext(r.billingKind)}, ` +
        `but the number is not in the text (it may be in an image).`,
      evidence: lure.callToAction[0]?.evidence,
    });
  }

  if (placeholders.length > 0 && (r.brands.length > 0 || r.billingKind) && r.legitimate === undefined) {
    reasons.push({
      ...coded('scam-template-placeholder', { placeholder: placeholders[0]!.raw }),
      level: 'caution',
      message: `The message contains a placeholder or fake number ("${placeholders[0]!.raw}"), a sign of a mass-mailing scam template.`,
      evidence: placeholders[0]!.raw,
    });
  }
  return reasons;
}

function brandLure(r: LureReading, { evidence }: Findings, number: string, evidenceText: string): LeveledReason {
  const { speaker } = evidence;
  const brands = list(r.brands);
  const who = speaker.spoofed
    ? `, but the receiving server found that it was not sent by ${brands}`
    : speaker.displayName.length > 0 && speaker.fromDomain && speaker.own.length === 0
      ? ` in the sender's name, but it was sent from ${speaker.fromDomain}, which is not ${brands}`
      : speaker.freemail && speaker.fromDomain
        ? ` from a free ${speaker.fromDomain} mailbox, which ${brands} does not use`
        : '';
  const brand = [...r.brands];
  const sender = speaker.spoofed
    ? coded('brand-callback-lure', { variant: 'spoofed', brand })
    : speaker.displayName.length > 0 && speaker.fromDomain && speaker.own.length === 0
      ? coded('brand-callback-lure', { variant: 'other-domain', brand, domain: speaker.fromDomain })
      : speaker.freemail && speaker.fromDomain
        ? coded('brand-callback-lure', { variant: 'freemail', brand, domain: speaker.fromDomain })
        : coded('brand-callback-lure', { brand });
  return {
    ...sender,
    level: 'warning',
    message:
      `This message presents itself as ${brands}${r.billingKind ? ` (${describeContext(r.billingKind)})` : ''}${who} and asks you to call ` +
      `${number}. Scammers send fake invoices, renewals and account alerts so that you phone them. ` +
      `Do not call: if in doubt, use the number on the company's own website.`,
    evidence: evidenceText,
  };
}

function senderNote({ evidence }: Findings): string {
  const { speaker } = evidence;
  if (speaker.freemail && speaker.fromDomain) return `, sent from a free ${speaker.fromDomain} mailbox`;
  return '';
}

function list(items: readonly string[]): string {
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
  'account-lock': 'a locked or suspended account',
  crypto: 'a crypto account',
};

/** The lure's context as a catalogue topic; one the catalogue does not name reads as "an account or a charge". */
function topicOf(kind: string | undefined): Topic {
  return (TOPICS as readonly string[]).includes(kind ?? '') ? (kind as Topic) : 'unknown';
}

function describeContext(kind: string | undefined): string {
  return kind ? (CONTEXT_WORDS[kind] ?? kind) : 'an account or a charge';
}
