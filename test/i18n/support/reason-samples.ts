// One reason for every code and variant the core emits, with params as its emitter gives them (typed by the
// registry, so a sample that leaves out a value its sentence needs does not compile).
import type { Reason } from '../../../shared/types.ts';
import { coded, REASON_SENTENCES, type ReasonCode } from '../../../shared/verdict/reason-codes.ts';

const feedFacts = { reports: 1234, brands: ['PayPal', 'Norton'], lastSeen: '2026-11-28T09:00:00Z' };

export const REASON_SAMPLES: readonly Reason[] = [
  coded('feed-number', { list: 'Contoso SOC', ...feedFacts }),
  coded('feed-block', { list: 'Contoso SOC', reports: 1 }),
  coded('feed-expired', { list: 'Contoso SOC', firstSeen: '2025-01-05' }),
  coded('brand-callback-lure', { brand: ['Norton'] }),
  coded('brand-callback-lure', { variant: 'spoofed', brand: ['PayPal'] }),
  coded('brand-callback-lure', { variant: 'other-domain', brand: ['Geek Squad'], domain: 'mail-service.ru' }),
  coded('brand-callback-lure', { variant: 'freemail', brand: ['PayPal', 'Norton'], domain: 'gmail.com' }),
  coded('callback-lure', { topic: 'invoice' }),
  coded('callback-lure', { variant: 'freemail', topic: 'purchase', domain: 'outlook.com' }),
  coded('callback-lure', { variant: 'names-brand', brand: ['McAfee'] }),
  coded('callback-lure', { variant: 'names-topic', topic: 'unknown' }),
  coded('callback-lure-no-number', { brand: ['Norton'], topic: 'renewal' }),
  coded('brand-mail-with-number', { brand: ['PayPal'], domain: 'paypal.com' }),
  coded('scam-template-placeholder', { placeholder: '+1 (XXX) XXX-XXXX' }),
  coded('evasive-callback', { count: 12 }),
  coded('evasive-callback', { variant: 'padding', count: 1000 }),
  coded('evasive-text', { count: 1234 }),
  coded('evasive-text', { variant: 'padding', count: 1000 }),
  coded('saas-spoofed-notification', { platform: 'GitHub' }),
  coded('saas-spoofed-notification', { variant: 'lure', platform: 'Jira' }),
  coded('saas-untrusted-instance', { platform: 'GitHub' }),
  coded('saas-untrusted-instance', { variant: 'invite', platform: 'Zendesk', instance: 'kandypens.zendesk.com' }),
  coded('saas-untrusted-instance', { variant: 'invite-unnamed', platform: 'Google' }),
  coded('saas-semantic-mismatch', { platform: 'GitHub', misfits: ['invoice', 'phone-call'] }),
  coded('saas-semantic-mismatch', { variant: 'real', platform: 'Jira', misfits: ['refund'] }),
  coded('saas-semantic-mismatch', { variant: 'unchecked', platform: 'Zendesk', misfits: ['billing', 'payment', 'account-lock'] }),
  coded('saas-lookalike-instance', { names: ['Client-Billing-Desk', 'paypal-refunds'] }),
  coded('saas-lookalike-link', { platform: 'GitHub', hosts: ['github-verify.com'] }),
  coded('saas-redirect-link', { hosts: ['bit.ly', 't.co'] }),
  coded('saas-mass-mentions', { platform: 'GitHub', count: 1234 }),
  coded('saas-platform-impersonation', { platform: 'GitHub', quote: 'GitHub Security Team' }),
  coded('saas-echoed-request', { platform: 'Zendesk' }),
  coded('saas-echoed-request', { variant: 'named', instance: 'kandypens.zendesk.com' }),
  coded('saas-crypto-giveaway', { words: ['airdrop', '$ARB', 'wallet'] }),
  coded('saas-consent-link', { platform: 'GitHub', link: 'github.com/login/device' }),
  coded('saas-brand-not-merchant', { platform: 'PayPal', merchant: 'J. Smith', brand: ['Norton'] }),
  coded('saas-brand-not-merchant', { variant: 'call', platform: 'PayPal', merchant: 'J. Smith', brand: ['Norton', 'McAfee'] }),
  coded('sighting-multi-brand', { count: 1, earlier: ['PayPal'], brand: ['Norton'] }),
  coded('sighting-multi-brand', { count: 3, earlier: ['PayPal', 'Amazon'], brand: ['Norton'] }),
  coded('sighting-burst', { count: 4, days: 7 }),
].map((r) => ({ ...r, message: `English sentence of ${r.code}` }));

/** Every code and variant the registry lists, as "code/variant". */
export function registryVariants(): string[] {
  return (Object.keys(REASON_SENTENCES) as ReasonCode[]).flatMap((code) => Object.keys(REASON_SENTENCES[code]).map((v) => `${code}/${v}`));
}
