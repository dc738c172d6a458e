// The one-line notification Outlook shows above the message: at most 150 characters, never "safe".
import type { Level, Policy, Verdict } from '../../shared/types.ts';
import { atLeast } from '../../shared/verdict/levels.ts';
import { formatNumber } from '../../shared/verdict/format-number.ts';
import { LANGUAGES, translatorFor } from '../../shared/i18n/catalogues.ts';
import { reasonText } from '../../shared/i18n/reason-text.ts';
import { catalogueLanguage, type Translator } from '../../shared/i18n/translator.ts';

export const NOTIFICATION_KEY = 'ringfence-verdict';
export const NOTIFICATION_MAX = 150;
/** bt:Image resid in manifest.xml; InformationalMessage requires one. */
export const NOTIFICATION_ICON = 'Icon.16x16';

const ENGLISH = translatorFor('en');

export type NotificationKind = 'error' | 'informational';

export interface VerdictNotification {
  kind: NotificationKind;
  message: string;
}

const LEAD_KEY: Record<Exclude<Level, 'none'>, string> = {
  danger: 'notifyDanger',
  warning: 'notifyWarning',
  caution: 'notifyCaution',
};

/**
 * What to show for a verdict, or null when nothing reaches the policy's minimum level. In the reader's
 * language (`translator`, English by default); English readers get the core's own first reason.
 */
export function notificationFor(verdict: Verdict, policy: Pick<Policy, 'minimumBannerLevel'>, translator: Translator = ENGLISH): VerdictNotification | null {
  if (verdict.level === 'none' || !atLeast(verdict.level, policy.minimumBannerLevel ?? 'caution')) return null;
  const { t, locale } = translator;
  const kind: NotificationKind = verdict.level === 'caution' ? 'informational' : 'error';
  const numbers = verdict.phones.filter((p) => !p.trusted).map((p) => formatNumber(p.e164));
  const unique = [...new Set(numbers)];
  let message: string;
  if (unique.length > 0) {
    const subject = unique.length === 1 ? unique[0]! : t('notifyMore', { number: unique[0]!, count: unique.length - 1 });
    message = t(LEAD_KEY[verdict.level], { number: subject });
  } else {
    message = t(verdict.level === 'caution' ? 'notifyCautionNoNumber' : 'notifyScamNoNumber');
  }
  const first = verdict.reasons[0];
  const reason = first ? (catalogueLanguage(locale, LANGUAGES) === 'en' ? first.message : reasonText(first, verdict, t, locale)) : '';
  if (reason) message = `${message} ${reason}`;
  message += ` ${t('notifyOpen')}`;
  return { kind, message: clip(message, NOTIFICATION_MAX) };
}

/** Cuts at a word boundary with an ellipsis so the result is at most `max` UTF-16 units. */
export function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}
