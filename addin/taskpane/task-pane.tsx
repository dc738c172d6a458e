// The task pane's view: the shared banner, the full findings, and what the add-in could and could not do.
import { useState } from 'preact/hooks';
import type { MailMessage } from '../../shared/types.ts';
import { formatNumber } from '../../shared/verdict/format-number.ts';
import { atLeast } from '../../shared/verdict/levels.ts';
import type { PaneContext, PaneState } from './pane-state.ts';
import type { PaneActions } from './run-pane.ts';
import { ShadowBanner } from './shadow-banner.tsx';
import { translate } from './translate.ts';
import { VerdictDetails } from './verdict-details.tsx';

export interface TaskPaneProps {
  state: PaneState;
  context: PaneContext;
  actions: PaneActions;
  message?: MailMessage | undefined;
}

export function TaskPane({ state, context, actions, message }: TaskPaneProps) {
  return (
    <main class="pane" data-status={state.status} data-level={state.status === 'done' ? state.verdict.level : undefined}>
      {state.status === 'loading' && (
        <p class="loading" role="status">
          {state.step}
        </p>
      )}
      {state.status === 'error' && (
        <section class="problem" role="alert">
          <h1>{state.title}</h1>
          <p>{state.detail}</p>
        </section>
      )}
      {state.status === 'done' && <Result state={state} context={context} actions={actions} message={message} />}
      <Footer context={context} />
    </main>
  );
}

function Result({ state, context, actions, message }: { state: Extract<PaneState, { status: 'done' }>; context: PaneContext; actions: PaneActions; message?: MailMessage | undefined }) {
  const [dismissedFor, setDismissedFor] = useState<unknown>(null);
  const verdict = state.verdict;
  return (
    <>
      <h1 class="subject">{state.message.subject || '(no subject)'}</h1>
      {verdict.level === 'none' || !atLeast(verdict.level, context.minimumBannerLevel) ? (
        <p class="no-findings">
          {verdict.level === 'none' ? 'Ringfence found no warning signs in this message.' : 'Ringfence found only minor signs, listed below.'} That does not make
          it safe: never call a number from an unexpected email.
        </p>
      ) : (
        dismissedFor !== verdict && (
          <ShadowBanner
            verdict={verdict}
            translate={translate}
            formatNumber={(p) => formatNumber(p.e164)}
            {...(context.canReport && message ? { onReport: () => actions.reportNumbers(verdict, message) } : {})}
            onDismiss={() => setDismissedFor(verdict)}
          />
        )
      )}
      <VerdictDetails verdict={verdict} />
      {state.warnings.length > 0 && (
        <ul class="warnings">
          {state.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <p class="how" data-source={state.source} data-notification={state.notification}>
        {state.source === 'eml' ? 'Checked the whole message.' : 'Checked the message body and headers.'}
      </p>
    </>
  );
}

function Footer({ context }: { context: PaneContext }) {
  return (
    <footer class="status-bar">
      <p class="feeds">
        {context.feeds.length === 0
          ? 'No scam lists configured.'
          : context.feeds.map((f) => `${f.name}: ${f.entryCount} entries${f.lastError ? ` (update failed: ${f.lastError})` : ''}`).join(' · ')}
      </p>
      {context.pendingReports > 0 && <p class="pending">{context.pendingReports} report(s) waiting to be sent.</p>}
      {context.parkedReports > 0 && (
        <p class="parked">{context.parkedReports} report(s) saved until your organisation’s settings name where reports go.</p>
      )}
      {context.policySource !== 'hosted' && <p class="policy-source">Using {context.policySource === 'cached' ? 'the last saved' : 'default'} settings.</p>}
      {context.policyProblems.length > 0 && (
        <ul class="policy-problems">
          {context.policyProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {context.pinnedUpdates && <p class="pinned">Pinned, this pane checks each message you open.</p>}
    </footer>
  );
}
