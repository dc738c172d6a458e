// The warning banner: props in, callbacks out, so the extension and the Outlook add-in share it.
// Every string from a message or a feed is rendered as a text node, never as HTML.
import { useId, useState } from 'preact/hooks';
import type { Level, PhoneVerdict, Verdict } from '../../types.ts';
import type { BannerMessageKey, Translate } from './banner-messages.ts';

export type ReportState = 'idle' | 'sending' | 'done' | 'error';

export interface BannerProps {
  verdict: Pick<Verdict, 'level' | 'reasons' | 'phones' | 'brands'>;
  translate: Translate;
  /** Formats an E.164 number for reading; defaults to the number as written in the message. */
  formatNumber?: (phone: PhoneVerdict) => string;
  /** Absent when no report endpoint is configured: the button is not shown. */
  onReport?: () => Promise<void>;
  onDismiss: () => void;
}

const LEVEL_KEYS: Record<Exclude<Level, 'none'>, { label: BannerMessageKey; title: BannerMessageKey }> = {
  danger: { label: 'bannerLevelDanger', title: 'bannerTitleDanger' },
  warning: { label: 'bannerLevelWarning', title: 'bannerTitleWarning' },
  caution: { label: 'bannerLevelCaution', title: 'bannerTitleCaution' },
};

export function Banner({ verdict, translate: t, formatNumber, onReport, onDismiss }: BannerProps) {
  const [open, setOpen] = useState(false);
  const [report, setReport] = useState<ReportState>('idle');
  const id = useId();
  if (verdict.level === 'none') return null;
  const keys = LEVEL_KEYS[verdict.level];
  const phones = reportablePhones(verdict.phones);
  const show = formatNumber ?? ((p: PhoneVerdict) => p.raw.trim() || p.e164);

  const sendReport = async () => {
    if (!onReport || report === 'sending' || report === 'done') return;
    setReport('sending');
    try {
      await onReport();
      setReport('done');
    } catch {
      setReport('error');
    }
  };

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
          <button type="button" class="action report" onClick={sendReport} disabled={report === 'sending' || report === 'done'}>
            {report === 'sending' ? t('bannerReporting') : t(phones.length > 1 ? 'bannerReportNumbers' : 'bannerReportNumber')}
          </button>
        )}
        <button type="button" class="action details-toggle" aria-expanded={open} aria-controls={`${id}-details`} onClick={() => setOpen(!open)}>
          {t(open ? 'bannerHideDetails' : 'bannerDetails')}
        </button>
        <span class="status" role="status" aria-live="polite">
          {report === 'done' ? t('bannerReported') : report === 'error' ? t('bannerReportFailed') : ''}
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

/** Numbers worth showing and reporting: the organisation's trusted numbers are left out. */
export function reportablePhones(phones: readonly PhoneVerdict[]): PhoneVerdict[] {
  const seen = new Set<string>();
  return phones.filter((p) => !p.trusted && !seen.has(p.e164) && seen.add(p.e164));
}
