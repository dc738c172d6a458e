// Every reason code the core can emit, and the parameters each of its sentences is written with. Emitters
// build a reason's code and params with `coded()`, so the compiler refuses a reason that leaves out a value
// its sentence needs; the locale test refuses a catalogue sentence that uses a value not listed here.
// A code has one sentence per variant ("default", or the `variant` param the core gives) in the catalogue
// under reason_<code> / reason_<code>__<variant> (shared/i18n/reason-text.ts renders them).
import type { Reason } from '../types.ts';

export const REASON_SENTENCES = {
  'feed-number': { default: ['list'] },
  'feed-block': { default: ['list'] },
  'feed-expired': { default: ['list'] },
  'brand-callback-lure': { default: ['brand'], spoofed: ['brand'], 'other-domain': ['brand', 'domain'], freemail: ['brand', 'domain'] },
  'callback-lure': { default: ['topic'], freemail: ['topic', 'domain'], 'names-brand': ['brand'], 'names-topic': ['topic'] },
  'callback-lure-no-number': { default: ['brand', 'topic'] },
  'brand-mail-with-number': { default: ['brand', 'domain'] },
  'scam-template-placeholder': { default: ['placeholder'] },
  'evasive-callback': { default: ['count'], padding: ['count'] },
  'evasive-text': { default: ['count'], padding: ['count'] },
  'saas-spoofed-notification': { default: ['platform'], lure: ['platform'] },
  'saas-untrusted-instance': { default: ['platform'], invite: ['platform', 'instance'], 'invite-unnamed': ['platform'] },
  'saas-semantic-mismatch': { default: ['platform', 'misfits'], real: ['platform', 'misfits'], unchecked: ['platform', 'misfits'] },
  'saas-lookalike-instance': { default: ['names'] },
  'saas-lookalike-link': { default: ['platform', 'hosts'] },
  'saas-redirect-link': { default: ['hosts'] },
  'saas-mass-mentions': { default: ['platform', 'count'] },
  'saas-platform-impersonation': { default: ['platform', 'quote'] },
  'saas-echoed-request': { default: ['platform'], named: ['instance'] },
  'saas-crypto-giveaway': { default: ['words'] },
  'saas-consent-link': { default: ['platform', 'link'] },
  'saas-brand-not-merchant': { default: ['platform', 'merchant', 'brand'], call: ['platform', 'merchant', 'brand'] },
  'sighting-multi-brand': { default: ['count', 'earlier', 'brand'] },
  'sighting-burst': { default: ['count', 'days'] },
} as const satisfies Record<string, { default: readonly ParamName[] } & Record<string, readonly ParamName[]>>;

export type ReasonCode = keyof typeof REASON_SENTENCES;
export const REASON_CODES = Object.keys(REASON_SENTENCES) as ReasonCode[];

/**
 * How a surface shows each parameter: text as given (names, hosts, quotes from the message), a number in the
 * reader's digits, a list joined the reader's way, a date (ISO 8601) in the reader's format, a topic or a
 * list of misfits by their catalogue words (reason_topic_<value>, reason_misfit_<value>).
 */
export const PARAM_KINDS = {
  list: 'text', domain: 'text', placeholder: 'text', platform: 'text', instance: 'text', quote: 'text', link: 'text', merchant: 'text',
  count: 'number', days: 'number', reports: 'number',
  brand: 'list', names: 'list', hosts: 'list', words: 'list', earlier: 'list', brands: 'list',
  lastSeen: 'date', firstSeen: 'date',
  topic: 'topic',
  misfits: 'misfits',
} as const;
export type ParamName = keyof typeof PARAM_KINDS;

/**
 * What a feed knows of an entry, each given only when the feed says it and shown as its own short sentence
 * after the reason's (reason_fact_<name>, with `count` for the number of reports so that it takes plurals).
 */
export const REASON_FACTS = {
  reports: { key: 'reason_fact_reports', uses: ['count'] },
  brands: { key: 'reason_fact_brands', uses: ['brands'] },
  lastSeen: { key: 'reason_fact_last_seen', uses: ['lastSeen'] },
  firstSeen: { key: 'reason_fact_first_seen', uses: ['firstSeen'] },
} as const;
export type FactName = keyof typeof REASON_FACTS;
export const FACT_CODES: ReadonlySet<ReasonCode> = new Set(['feed-number', 'feed-block', 'feed-expired']);

/** What a lure is about (the lure lexicon's contexts), for "it is about {topic}"; anything else is "unknown". */
export const TOPICS = [
  'invoice', 'renewal', 'subscription', 'order', 'payment', 'refund', 'purchase', 'charge', 'debit',
  'security-alert', 'login-alert', 'account-lock', 'crypto', 'support', 'unknown',
] as const;
export type Topic = (typeof TOPICS)[number];

/** Content classes a platform's notifications do not carry (shared/data/saas-mismatch.json, phone-call). */
export const MISFITS = ['invoice', 'billing', 'renewal', 'refund', 'payment', 'crypto', 'prize', 'account-lock', 'phone-call'] as const;

type Spec = typeof REASON_SENTENCES;
type ValueOf<P extends ParamName> = (typeof PARAM_KINDS)[P] extends 'number' ? number
  : (typeof PARAM_KINDS)[P] extends 'list' | 'misfits' ? string[]
  : (typeof PARAM_KINDS)[P] extends 'topic' ? Topic
  : string;
type Values<Names> = Names extends readonly ParamName[] ? { [P in Names[number]]: ValueOf<P> } : never;
type FactValues = { reports?: number; brands?: string[]; lastSeen?: string; firstSeen?: string };

/** The params one code needs: the names of one of its variants (and `variant` to pick it), plus feed facts. */
export type ReasonParamsOf<C extends ReasonCode> = {
  [V in keyof Spec[C] & string]: (V extends 'default' ? { variant?: undefined } : { variant: V }) & Values<Spec[C][V]>;
}[keyof Spec[C] & string] & (C extends 'feed-number' | 'feed-block' | 'feed-expired' ? FactValues : unknown);

/** A reason's code and its params, checked against the registry: spread it into the reason. */
export function coded<C extends ReasonCode>(code: C, params: ReasonParamsOf<C>): { code: C; params: NonNullable<Reason['params']> } {
  const clean: NonNullable<Reason['params']> = {};
  for (const [name, value] of Object.entries(params as Record<string, string | number | string[] | undefined>)) {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) clean[name] = Array.isArray(value) ? [...value] : value;
  }
  return { code, params: clean };
}

export function isReasonCode(code: string): code is ReasonCode {
  return Object.hasOwn(REASON_SENTENCES, code);
}

/** The params a reason's sentence needs that it does not carry, or undefined for an unknown code or variant. */
export function missingParams(reason: Pick<Reason, 'code' | 'params'>): ParamName[] | undefined {
  if (!isReasonCode(reason.code)) return undefined;
  const variants: Record<string, readonly ParamName[]> = REASON_SENTENCES[reason.code];
  const variant = reason.params?.variant;
  const names = variants[typeof variant === 'string' ? variant : 'default'];
  if (!names) return undefined;
  return names.filter((name) => {
    const value = reason.params?.[name];
    return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  });
}
