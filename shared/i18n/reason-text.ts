// Reasons as data: a reason's code (and its `variant` param) picks a catalogue sentence, filled with the
// params the core gave (shared/verdict/reason-codes.ts lists them): lists joined, numbers and dates written
// the reader's way, topics and misfits in the reader's words. Feed facts (reports, brands, last seen) follow
// as short sentences of their own when a surface asks for them (`facts`): the compact banner's one reason is
// the sentence alone. A code the registry does not know, or a reason without a value its sentence needs, is shown with the
// core's own English `message`, so a new rule is never silent and no sentence shows a gap.
import type { Reason, Verdict } from '../types.ts';
import type { Translate } from './translator.ts';
import {
  FACT_CODES, PARAM_KINDS, REASON_CODES, REASON_FACTS, isReasonCode, missingParams, type FactName, type ParamName,
} from '../verdict/reason-codes.ts';

/** Catalogue key of a reason code: "feed-number" → "reason_feed_number". */
export function reasonKey(code: string): string {
  return `reason_${code.replace(/-/g, '_')}`;
}

/** Catalogue key of one of a code's sentences: "brand-callback-lure", "other-domain" → "reason_brand_callback_lure__other_domain". */
export function reasonSentenceKey(code: string, variant = 'default'): string {
  return variant === 'default' ? reasonKey(code) : `${reasonKey(code)}__${variant.replace(/-/g, '_')}`;
}

/** Reason codes the catalogue has sentences for: every code the core emits (the locale test checks each one). */
export const CATALOGUED_REASONS: readonly string[] = REASON_CODES;

type Value = string | number | string[];

export interface ReasonTextOptions {
  /** Add what a scam list knows of the number ("It was reported 1,234 times. Last seen on …"). */
  facts?: boolean;
}

/** The reader's sentence for one reason, in the translator's language. */
export function reasonText(
  reason: Reason,
  _verdict: Pick<Verdict, 'brands' | 'saas'>,
  t: Translate,
  locale = 'en',
  options: ReasonTextOptions = {},
): string {
  const missing = missingParams(reason);
  if (!isReasonCode(reason.code) || missing === undefined || missing.length > 0) return reason.message;
  const given = reason.params ?? {};
  const variant = typeof given.variant === 'string' ? given.variant : 'default';
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(given)) {
    if (name === 'variant' || !(name in PARAM_KINDS)) continue;
    const shown = show(name as ParamName, value, t, locale);
    if (shown !== undefined) values[name] = shown;
  }
  const sentences = [t(reasonSentenceKey(reason.code, variant), values)];
  if (options.facts && FACT_CODES.has(reason.code)) sentences.push(...facts(given, values, t));
  return sentences.filter(Boolean).join(' ');
}

/** "Reported 117 times." "Scammers used it posing as PayPal." "Last seen on 28 November 2026." */
function facts(given: Record<string, Value>, values: Record<string, string | number>, t: Translate): string[] {
  const out: string[] = [];
  for (const name of Object.keys(REASON_FACTS) as FactName[]) {
    if (values[name] === undefined) continue;
    if (name === 'firstSeen' && values.lastSeen !== undefined) continue;
    const { key } = REASON_FACTS[name];
    out.push(name === 'reports' ? t(key, { count: given.reports as number }) : t(key, { [name]: values[name] }));
  }
  return out;
}

/** One param as the reader sees it; undefined when it cannot be shown (a date that does not parse). */
function show(name: ParamName, value: Value, t: Translate, locale: string): string | number | undefined {
  const items = Array.isArray(value) ? value : [String(value)];
  switch (PARAM_KINDS[name]) {
    case 'number':
      return typeof value === 'number' ? value : Number.isFinite(Number(value)) ? Number(value) : undefined;
    case 'list':
      return listOf(items, locale);
    case 'date':
      return dateOf(String(value), locale);
    case 'topic':
      return t(`reason_topic_${String(value).replace(/-/g, '_')}`) || t('reason_topic_unknown');
    case 'misfits':
      return listOf(items.map((kind) => t(`reason_misfit_${kind.replace(/-/g, '_')}`)).filter(Boolean), locale);
    default:
      return Array.isArray(value) ? listOf(value, locale) : String(value);
  }
}

/** "PayPal", "PayPal and Norton", "PayPal, Norton and McAfee" in the reader's language. */
export function listOf(items: readonly string[], locale: string): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0]!;
  try {
    return listFormat(locale).format(items.slice(0, 3));
  } catch {
    return items.slice(0, 3).join(', ');
  }
}

const listFormats = new Map<string, Intl.ListFormat>();

/** One formatter per locale: building an Intl object costs more than using it, and every banner lists brands. */
function listFormat(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })));
  return format;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** An ISO 8601 date as the reader writes it ("28 November 2026", "28. November 2026"); the day is the UTC one. */
function dateOf(iso: string, locale: string): string | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  let format = dateFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
    }
    dateFormats.set(locale, format);
  }
  return format.format(time);
}

const PLATFORM_NAMES: Record<string, string> = {
  github: 'GitHub', jira: 'Jira', zendesk: 'Zendesk', google: 'Google', freshdesk: 'Freshdesk', helpscout: 'Help Scout',
  'help-scout': 'Help Scout', zoho: 'Zoho Desk', 'zoho-desk': 'Zoho Desk', intercom: 'Intercom', hubspot: 'HubSpot',
  paypal: 'PayPal', stripe: 'Stripe', quickbooks: 'QuickBooks', square: 'Square',
};

export function platformName(id: string | undefined): string {
  if (!id) return '';
  return PLATFORM_NAMES[id] ?? id.charAt(0).toUpperCase() + id.slice(1);
}
