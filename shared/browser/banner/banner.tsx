// The warning banner: props in, callbacks out, so the extension and the Outlook add-in share it.
// Every string from a message or a feed is rendered as a text node, never as HTML.
import { useId, useRef, useState } from 'preact/hooks';
import type { Level, PhoneVerdict, Verdict } from '../../types.ts';
import type { BannerMessageKey, Translate } from './banner-messages.ts';
import { isOutboxFull } from '../outbox-full.ts';

export type ReportState = 'idle' | 'sending' | 'done' | 'error' | 'full';

export interface BannerProps {
  verdict: Pick<Verdict, 'level' | 'reasons' | 'phones' | 'brands'>;
  translate: Translate;
  /** Formats an E.164 number for reading; defaults to the number as written in the message. */
  formatNumber?: (phone: PhoneVerdict) => string;
  /** "Report this number": absent when no report endpoint is configured, and then the button is not shown. */
  onReport?: () => Promise<void>;
  /** "Report message": absent when no report endpoint is configured; shown even when the message has no number. */
  onReportMessage?: () => Promise<void>;
  onDismiss: () => void;
}

const LEVEL_KEYS: Record<Exclude<Level, 'none'>, { label: BannerMessageKey; title: BannerMessageKey }> = {
  danger: { label: 'bannerLevelDanger', title: 'bannerTitleDanger' },
  warning: { label: 'bannerLevelWarning', title: 'bannerTitleWarning' },
  caution: { label: 'bannerLevelCaution', title: 'bannerTitleCaution' },
};

type ReportAction = 'number' | 'message';

export function Banner({ verdict, translate: t, formatNumber, onReport, onReportMessage, onDismiss }: BannerProps) {
  const [open, setOpen] = useState(false);
  const [last, setLast] = useState<ReportAction>('number');
  const numberReport = useReportAction(onReport, () => setLast('number'));
  const messageReport = useReportAction(onReportMessage, () => setLast('message'));
  const id = useId();
  if (verdict.level === 'none') return null;
  const keys = LEVEL_KEYS[verdict.level];
  const phones = reportablePhones(verdict.phones);
  const show = formatNumber ?? ((p: PhoneVerdict) => p.raw.trim() || p.e164);
  // The status line speaks for the action the reader took last.
  const report = last === 'number' ? numberReport.state : messageReport.state;

  return (
    <section class="banner" data-level={verdict.level} role="alert" aria-labelledby={`${id}-title`}>
      <div class="head">
        <span class="badge">{t(keys.label)}</span>
        <p class="title" id={`${id}-title`}>{t(keys.title)}</p>
        <button type="button" class="dismiss" aria-label={t('bannerDismiss')} title={t('bannerDismiss')} onClick={onDismiss}>
          ×
        </button>
      </div>
      {phones.length > 0 && (
        <ul class="numbers" aria-label={t('bannerNumbersLabel')}>
          {phones.map((p) => (
            <li key={p.e164}>
              <span class="number" data-e164={p.e164}>{show(p)}</span>
              {p.inFeed ? (
                <span class="tag">{t('bannerNumberOnFeed')}</span>
              ) : p.block ? (
                <span class="tag">{t('bannerNumberInBlock')}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ul class="reasons">
        {verdict.reasons.map((r) => (
          <li key={r.code} data-code={r.code}>{r.message}</li>
        ))}
      </ul>
      <p class="advice">{t('bannerAdvice')}</p>
      <div class="actions">
        {onReport && phones.length > 0 && (
          <button type="button" class="action report" onClick={numberReport.run} disabled={isLocked(numberReport.state)}>
            {numberReport.state === 'sending' ? t('bannerReporting') : t(phones.length > 1 ? 'bannerReportNumbers' : 'bannerReportNumber')}
          </button>
        )}
        {onReportMessage && (
          <button type="button" class="action report-message" onClick={messageReport.run} disabled={isLocked(messageReport.state)}>
            {messageReport.state === 'sending' ? t('bannerReporting') : t('bannerReportMessage')}
          </button>
        )}
        <button type="button" class="action details-toggle" aria-expanded={open} aria-controls={`${id}-details`} onClick={() => setOpen(!open)}>
          {t(open ? 'bannerHideDetails' : 'bannerDetails')}
        </button>
        <span class="status" role="status" aria-live="polite">
          {report === 'done' ? t('bannerReported') : report === 'error' ? t('bannerReportFailed') : report === 'full' ? t('bannerReportOutboxFull') : ''}
        </span>
      </div>
      {open && (
        <dl class="details" id={`${id}-details`}>
          {phones.flatMap((p) => [
            <dt key={`${p.e164}-t`}>{p.e164}</dt>,
            <dd key={`${p.e164}-d`}>{[p.raw, p.lineType, p.block ? `${p.block}…` : ''].filter(Boolean).join(' · ')}</dd>,
          ])}
          {verdict.reasons
            .filter((r) => r.evidence)
            .flatMap((r) => [
              <dt key={`${r.code}-t`}>{t('bannerEvidence')}: {r.code}</dt>,
              <dd key={`${r.code}-d`}>{r.evidence}</dd>,
            ])}
        </dl>
      )}
    </section>
  );
}

/**
 * One report button's state. A report is sent at most once per banner: the ref stops a second click that
 * lands before the button re-renders as disabled; after an error the reader may try again.
 */
function useReportAction(action: (() => Promise<void>) | undefined, onStart: () => void) {
  const [state, setState] = useState<ReportState>('idle');
  const busy = useRef(false);
  const run = async () => {
    if (!action || busy.current) return;
    busy.current = true;
    onStart();
    setState('sending');
    try {
      await action();
      setState('done');
    } catch (error) {
      busy.current = false;
      setState(isOutboxFull(error) ? 'full' : 'error');
    }
  };
  return { state, run };
}

function isLocked(state: ReportState): boolean {
  return state === 'sending' || state === 'done';
}

/** Numbers worth showing and reporting: the organisation's trusted numbers are left out. */
export function reportablePhones(phones: readonly PhoneVerdict[]): PhoneVerdict[] {
  const seen = new Set<string>();
  return phones.filter((p) => !p.trusted && !seen.has(p.e164) && seen.add(p.e164));
}
