// The task pane's view: the shared banner, the full findings, and what the add-in could and could not do.
// Every string comes from the locale catalogue in Outlook's display language.
import { useRef } from 'preact/hooks';
import type { MailMessage } from '../../shared/types.ts';
import { formatNumber } from '../../shared/verdict/format-number.ts';
import { atLeast } from '../../shared/verdict/levels.ts';
import type { Translator } from '../../shared/i18n/translator.ts';
import type { PaneContext, PaneState } from './pane-state.ts';
import type { PaneActions } from './run-pane.ts';
import { ShadowBanner } from './shadow-banner.tsx';
import { paneTranslator } from './translate.ts';
import { VerdictDetails } from './verdict-details.tsx';
import { NoteText, TechnicalDetail } from './note-text.tsx';
import { noteText } from '../../shared/i18n/note.ts';

export interface TaskPaneProps {
  state: PaneState;
  context: PaneContext;
  actions: PaneActions;
  message?: MailMessage | undefined;
  translator?: Translator;
}

/** Messages whose warning the reader hid in this pane: they show the chip when opened again. */
const hiddenWarnings = new Set<string>();

export function TaskPane({ state, context, actions, message, translator = paneTranslator() }: TaskPaneProps) {
  return (
    <main class="pane" lang={translator.locale} data-status={state.status} data-level={state.status === 'done' ? state.verdict.level : undefined}>
      {state.status === 'loading' && (
        <p class="loading" role="status">
          <NoteText note={state.step} translator={translator} />
        </p>
      )}
      {state.status === 'error' && (
        <section class="problem" role="alert">
          <h1>{translator.t(state.title.key, state.title.params)}</h1>
          <p>
            <NoteText note={state.explanation} translator={translator} />
          </p>
        </section>
      )}
      {state.status === 'done' && <Result state={state} context={context} actions={actions} message={message} translator={translator} />}
      <Footer context={context} translator={translator} />
    </main>
  );
}

function Result({ state, context, actions, message, translator }: { state: Extract<PaneState, { status: 'done' }>; context: PaneContext; actions: PaneActions; message?: MailMessage | undefined; translator: Translator }) {
  const { t } = translator;
  const subject = useRef<HTMLHeadingElement>(null);
  const verdict = state.verdict;
  const key = messageKey(state.message);
  return (
    <>
      <h1 class="subject" tabindex={-1} ref={subject}>{state.message.subject || t('paneNoSubject')}</h1>
      {verdict.level === 'none' || !atLeast(verdict.level, context.minimumBannerLevel) ? (
        <p class="no-findings">{t(verdict.level === 'none' ? 'paneNoFindings' : 'paneMinorFindings')}</p>
      ) : (
        <ShadowBanner
          verdict={verdict}
          translator={translator}
          formatNumber={(p) => formatNumber(p.e164)}
          {...(context.canReport && message ? { onReport: () => actions.reportNumbers(verdict, message) } : {})}
          dismissed={hiddenWarnings.has(key)}
          onDismiss={() => {
            hiddenWarnings.add(key);
            subject.current?.focus();
          }}
          onShow={() => hiddenWarnings.delete(key)}
        />
      )}
      <VerdictDetails verdict={verdict} translator={translator} />
      {state.warnings.length > 0 && (
        <ul class="warnings">
          {state.warnings.map((w, i) => (
            <li key={i}>
              <NoteText note={w} translator={translator} />
            </li>
          ))}
        </ul>
      )}
      <p class="how" data-source={state.source} data-notification={state.notification}>
        {t(state.source === 'eml' ? 'paneCheckedWhole' : 'paneCheckedBody')}
      </p>
    </>
  );
}

function messageKey(message: Pick<MailMessage, 'subject' | 'from' | 'date'>): string {
  return JSON.stringify([message.subject, message.from?.address ?? '', message.date ?? '']);
}

function Footer({ context, translator }: { context: PaneContext; translator: Translator }) {
  const { t } = translator;
  return (
    <footer class="status-bar">
      <p class="feeds">
        {context.feeds.length === 0
          ? t('paneNoFeeds')
          : context.feeds.map((f, i) => (
              <span class="feed" key={i}>
                {i > 0 && ' · '}
                {t('paneFeed', { name: f.name, count: f.entryCount })}
                {(f.lastProblem || f.lastError) && (
                  <>
                    {' '}
                    {t('paneFeedFailed')}
                    {f.lastProblem && <> {noteText(f.lastProblem, t)}</>}
                    {f.lastError && <> <TechnicalDetail detail={f.lastError} translator={translator} /></>}
                  </>
                )}
              </span>
            ))}
      </p>
      {context.pendingReports > 0 && <p class="pending">{t('panePending', { count: context.pendingReports })}</p>}
      {context.parkedReports > 0 && <p class="parked">{t('paneParked', { count: context.parkedReports })}</p>}
      {context.policySource !== 'hosted' && <p class="policy-source">{t(context.policySource === 'cached' ? 'panePolicyCached' : 'panePolicyDefault')}</p>}
      {context.policyProblems.length > 0 && (
        <div class="policy-problems">
          <p>{t('panePolicyProblems')}</p>
          <ul>
            {context.policyProblems.map((p, i) => (
              <li key={i}>
                <NoteText note={p} translator={translator} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {context.pinnedUpdates && <p class="pinned">{t('panePinned')}</p>}
    </footer>
  );
}
