// The one-line notification Outlook shows above the message: at most 150 characters, never "safe".
import type { Level, Policy, Verdict } from '../../shared/types.ts';
import { atLeast } from '../../shared/verdict/levels.ts';
import { formatNumber } from '../../shared/verdict/format-number.ts';

export const NOTIFICATION_KEY = 'ringfence-verdict';
export const NOTIFICATION_MAX = 150;
/** bt:Image resid in manifest.xml; InformationalMessage requires one. */
export const NOTIFICATION_ICON = 'Icon.16x16';

export type NotificationKind = 'error' | 'informational';

export interface VerdictNotification {
  kind: NotificationKind;
  message: string;
}

const LEAD: Record<Exclude<Level, 'none'>, string> = {
  danger: 'Scam warning: do not call',
  warning: 'Likely scam: do not call',
  caution: 'Be careful with',
};

/** What to show for a verdict, or null when nothing reaches the policy's minimum level. */
export function notificationFor(verdict: Verdict, policy: Pick<Policy, 'minimumBannerLevel'>): VerdictNotification | null {
  if (verdict.level === 'none' || !atLeast(verdict.level, policy.minimumBannerLevel ?? 'caution')) return null;
  const kind: NotificationKind = verdict.level === 'caution' ? 'informational' : 'error';
  const numbers = verdict.phones.filter((p) => !p.trusted).map((p) => formatNumber(p.e164));
  const unique = [...new Set(numbers)];
  let message: string;
  if (unique.length > 0) {
    const subject = unique.length === 1 ? unique[0]! : `${unique[0]} (+${unique.length - 1} more)`;
    message = verdict.level === 'caution' ? `${LEAD.caution} ${subject}.` : `${LEAD[verdict.level]} ${subject}.`;
  } else {
    message = verdict.level === 'caution' ? 'Be careful with this message.' : 'Scam warning: this message looks like a scam.';
  }
  const reason = verdict.reasons[0]?.message;
  if (reason) message = `${message} ${reason}`;
  message += ' Open Ringfence for details.';
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
