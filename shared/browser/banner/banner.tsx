// The warning banner: props in, callbacks out, so the extension and the Outlook add-in share it.
// Compact: title with badge, the number with its status, one plain reason and the actions; the rest is
// behind Details. Dismissing collapses it to a one-line chip that brings it back. Screen readers hear one
// short summary per banner (level, number, one sentence), not the whole banner.
// Every string from a message or a feed is rendered as a text node, never as HTML.
import { useEffect, useId, useRef, useState, useLayoutEffect } from 'preact/hooks';
import type { Level, PhoneVerdict, Reason, Verdict } from '../../types.ts';
import type { ReportOutcome, Translator } from './banner-messages.ts';
import { isOutboxFull } from '../outbox-full.ts';

export type ReportState = 'idle' | 'sending' | 'sent' | 'queued' | 'error' | 'full';

/**
 * A reason's sentence in the reader's language: alone for the compact banner, with what a scam list knows
 * of the number (`facts`) in Details. mountBanner renders it with shared/i18n/reason-text.ts; the extension's
 * content script shows the sentences its worker wrote, so the sentence registry stays out of the page.
 */
export type DescribeReason = (reason: Reason, facts: boolean) => string;

export interface BannerProps {
  verdict: Pick<Verdict, 'level' | 'reasons' | 'phones' | 'brands' | 'saas'>;
  translator: Translator;
  /** Formats an E.164 number for reading; defaults to the number as written in the message. */
  formatNumber?: (phone: PhoneVerdict) => string;
  /** Each reason's sentence; without it a reason shows the core's own English message. */
  describeReason?: DescribeReason;
  /** "Report this number": absent when no report endpoint is configured, and then the button is not shown. */
  onReport?: () => Promise<ReportOutcome | void>;
  /** "Report message": absent when no report endpoint is configured; shown even when the message has no number. */
  onReportMessage?: () => Promise<ReportOutcome | void>;
  /** Called after the banner collapsed to its chip: remember it for the message and move focus to the message. */
  onDismiss: () => void;
  /** Called when the reader brings the warning back from the chip. */
  onShow?: () => void;
  /** Start collapsed (the reader hid the warning for this message earlier). */
  dismissed?: boolean;
}

type ReportAction = 'number' | 'message';
type Shown = Exclude<Level, 'none'>;

const LEVEL_KEY: Record<Shown, string> = { danger: 'bannerLevelDanger', warning: 'bannerLevelWarning', caution: 'bannerLevelCaution' };
const TITLE_KEY: Record<Shown, string> = { danger: 'bannerTitleDanger', warning: 'bannerTitleWarning', caution: 'bannerTitleCaution' };

export function Banner(props: BannerProps) {
  const { verdict, translator, formatNumber, onReport, onReportMessage, onDismiss, onShow } = props;
  const { t } = translator;
  const describe = props.describeReason ?? coreMessage;
  const [open, setOpen] = useState(false);
  const [hidden, setHidden] = useState(props.dismissed ?? false);
  const [last, setLast] = useState<ReportAction>('number');
  const liveRef = useRef<HTMLParagraphElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const titleRef = useRef<HTMLParagraphElement>(null);
  const focusNext = useRef<'status' | 'title' | null>(null);
  const numberReport = useReportAction(onReport, () => setLast('number'), () => (focusNext.current = 'status'));
  const messageReport = useReportAction(onReportMessage, () => setLast('message'), () => (focusNext.current = 'status'));
  const id = useId();

  const level = verdict.level === 'none' ? null : verdict.level;
  const phones = reportablePhones(verdict.phones);
  const show = formatNumber ?? ((p: PhoneVerdict) => p.raw.trim() || p.e164);
  const first = phones[0];
  const reason = verdict.reasons[0] ? describe(verdict.reasons[0], false) : '';
  const levelName = level ? t(LEVEL_KEY[level]) : '';
  const summary = first
    ? t('bannerAnnounceNumber', { level: levelName, number: show(first), status: numberStatus(first, t), reason })
    : t('bannerAnnounce', { level: levelName, summary: reason || (level ? t(TITLE_KEY[level]) : '') });

  // Announced once per banner (a new verdict mounts a new banner), after mount so that it is heard as a change.
  // Written to the DOM directly: a re-render of every banner on the page for one sentence would cost more.
  useEffect(() => {
    if (hidden || !level) return;
    const timer = setTimeout(() => {
      if (liveRef.current) liveRef.current.textContent = summary;
    }, 50);
    return () => clearTimeout(timer);
  }, [summary]);

  // Focus moves in the same task as the render that removed the focused button: a later effect would let
  // focus fall to the page first (and a reader or a test could see it there).
  useLayoutEffect(() => {
    const target = focusNext.current === 'status' ? statusRef.current : focusNext.current === 'title' ? titleRef.current : null;
    if (!target) return;
    focusNext.current = null;
    target.focus();
  });

  if (!level) return null;

  if (hidden) {
    return (
      <section class="banner chip" data-level={level} aria-label={t('bannerHidden')}>
        <span class="badge">{levelName}</span> <span class="chip-text">{t('bannerHidden')}</span>
        <span aria-hidden="true"> · </span>
        <button
          type="button"
          class="action show"
          aria-label={t('bannerShowLabel')}
          onClick={() => {
            focusNext.current = 'title';
            setHidden(false);
            onShow?.();
          }}
        >
          {t('bannerShow')}
        </button>
      </section>
    );
  }

  // The status line speaks for the action the reader took last.
  const report = last === 'number' ? numberReport.state : messageReport.state;
  const statusText = { idle: '', sending: '', sent: t('bannerReportSent'), queued: t('bannerReportQueued'), error: t('bannerReportFailed'), full: t('bannerReportOutboxFull') }[report];

  return (
    <section class="banner" data-level={level} aria-labelledby={`${id}-title`}>
      <p class="live" role="status" aria-live="polite" aria-atomic="true" ref={liveRef} />
      <p class="title" id={`${id}-title`} tabindex={-1} ref={titleRef}>
        <span class="badge">{levelName}</span> {t(phones.length > 0 ? TITLE_KEY[level] : level === 'caution' ? TITLE_KEY.caution : 'bannerTitleNoNumber')}
      </p>
      {first && (
        <p class="number-line">
          <span class="number" data-e164={first.e164}>{show(first)}</span>
          <span class="tag">, {numberStatus(first, t)}</span>
          {phones.length > 1 && <span class="more"> {t('bannerMoreNumbers', { count: phones.length - 1 })}</span>}
        </p>
      )}
      {reason && <p class="reason" data-code={verdict.reasons[0]!.code}>{reason}</p>}
      <div class="actions">
        {onReport && phones.length > 0 && (
          <button type="button" class="action report" onClick={numberReport.run} aria-disabled={isLocked(numberReport.state) ? 'true' : undefined}>
            {numberReport.state === 'sending' ? t('bannerReporting') : t(phones.length > 1 ? 'bannerReportNumbers' : 'bannerReportNumber')}
          </button>
        )}
        {onReportMessage && (
          <button type="button" class="action report-message" onClick={messageReport.run} aria-disabled={isLocked(messageReport.state) ? 'true' : undefined}>
            {messageReport.state === 'sending' ? t('bannerReporting') : t('bannerReportMessage')}
          </button>
        )}
        <button type="button" class="action details-toggle" aria-expanded={open} aria-controls={`${id}-details`} onClick={() => setOpen(!open)}>
          {t(open ? 'bannerHideDetails' : 'bannerDetails')}
        </button>
        <button
          type="button"
          class="dismiss"
          aria-label={t('bannerDismiss')}
          title={t('bannerDismiss')}
          onClick={() => {
            setHidden(true);
            onDismiss();
          }}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p class="status" role="status" tabindex={-1} ref={statusRef} data-report={report}>
        {statusText}
      </p>
      <div class="details" id={`${id}-details`} hidden={!open}>
        {open && <Details verdict={verdict} phones={phones} show={show} translator={translator} describe={describe} />}
      </div>
    </section>
  );
}

function Details({ verdict, phones, show, translator, describe }: { verdict: BannerProps['verdict']; phones: PhoneVerdict[]; show: (p: PhoneVerdict) => string; translator: Translator; describe: DescribeReason }) {
  const { t } = translator;
  const withEvidence = verdict.reasons.filter((r) => r.evidence);
  return (
    <>
      <p class="details-heading">{t('bannerWhy')}</p>
      <ul class="reasons">
        {verdict.reasons.map((r) => (
          <li key={r.code} data-code={r.code}>{describe(r, true)}</li>
        ))}
      </ul>
      <p class="advice">{t('bannerAdvice')}</p>
      {phones.length > 0 && (
        <>
          <p class="details-heading">{t('bannerNumbersHeading')}</p>
          <ul class="numbers">
            {phones.map((p) => (
              <li key={p.e164} data-e164={p.e164}>
                <span class="number">{show(p)}</span>, {numberStatus(p, t)}
                {p.raw.trim() && p.raw.trim() !== show(p) ? `; ${t('bannerAsWritten', { raw: p.raw.trim() })}` : ''}
                {lineTypeText(p, t) ? `; ${lineTypeText(p, t)}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="details-heading">{t('bannerAnalysts')}</p>
      <dl class="codes">
        {verdict.reasons.map((r) => [
          <dt key={`${r.code}-t`}><code>{r.code}</code></dt>,
          <dd key={`${r.code}-d`}>{withEvidence.includes(r) ? r.evidence : r.message}</dd>,
        ])}
      </dl>
    </>
  );
}

function coreMessage(reason: Reason): string {
  return reason.message;
}

/** The status label every shown number carries: on the list, in a listed block, or not known. */
export function numberStatus(p: PhoneVerdict, t: Translator['t']): string {
  if (p.inFeed) return t('bannerNumberOnFeed'); // the number itself is listed, whether or not its block is too
  if (p.block) return t('bannerNumberInBlock');
  return t('bannerNumberUnknown');
}

function lineTypeText(p: PhoneVerdict, t: Translator['t']): string {
  if (!p.lineType || p.lineType === 'unknown') return '';
  return t(`lineType_${p.lineType.replace(/-/g, '_')}`);
}

/**
 * One report button's state. A report is sent at most once per banner: the ref stops a second click that
 * lands before the button re-renders; after an error the reader may try again.
 */
function useReportAction(action: (() => Promise<ReportOutcome | void>) | undefined, onStart: () => void, onSettled: () => void) {
  const [state, setState] = useState<ReportState>('idle');
  const busy = useRef(false);
  const run = async () => {
    if (!action || busy.current) return;
    busy.current = true;
    onStart();
    setState('sending');
    try {
      const outcome = await action();
      onSettled();
      setState(outcome === 'queued' ? 'queued' : 'sent');
    } catch (error) {
      busy.current = false;
      onSettled();
      setState(isOutboxFull(error) ? 'full' : 'error');
    }
  };
  return { state, run };
}

function isLocked(state: ReportState): boolean {
  return state === 'sending' || state === 'sent' || state === 'queued';
}

/** Numbers worth showing and reporting: the organisation's trusted numbers are left out. */
export function reportablePhones(phones: readonly PhoneVerdict[]): PhoneVerdict[] {
  const seen = new Set<string>();
  return phones.filter((p) => !p.trusted && !seen.has(p.e164) && seen.add(p.e164));
}
