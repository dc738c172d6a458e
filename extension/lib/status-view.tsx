// Feed status and waiting reports, shown by both the popup and the options page.
import type { ExtensionStatus } from '../background/status.ts';
import { translator } from './translate.ts';
import { NoteText, TechnicalDetail } from './note-text.tsx';
import { noteText, type Note } from '../../shared/i18n/note.ts';

export function StatusView({ status }: { status: ExtensionStatus }) {
  const { t, locale } = translator;
  const pending = status.pendingReports.length;
  return (
    <div class="status">
      <h2>{t('statusFeeds')}</h2>
      {status.feeds.length === 0 ? (
        <p>{t('statusNoFeeds')}</p>
      ) : (
        <ul class="feeds">
          {status.feeds.map((feed) => (
            <li key={feed.url}>
              <strong>{feed.name || feed.url}</strong>
              <div class="url">{feed.url}</div>
              <div>{t('statusEntries', { count: feed.entryCount })}</div>
              <div>{t('statusLastUpdate', { when: feed.lastSuccess ? new Date(feed.lastSuccess).toLocaleString(locale) : t('statusNever') })}</div>
              {(feed.lastProblem || feed.lastError) && (
                <div class="error">
                  {t('statusUpdateFailed')} {feed.lastProblem && noteText(feed.lastProblem, t)}
                  {feed.lastError && (
                    <>
                      {' '}
                      <TechnicalDetail detail={feed.lastError} />
                    </>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="pending">{pending === 0 ? t('statusNoPendingReports') : t('statusPendingReports', { count: pending })}</p>
      {pending > 0 && (
        <ul class="reports">
          {status.pendingReports.map((r) => (
            <li key={r.id}>
              {r.kind === 'message' ? t('statusMessageReport', { subject: r.subject }) : r.numbers.join(', ')}
              {r.lastError && (
                <>
                  {' '}
                  <TechnicalDetail detail={r.lastError} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!status.reportEndpoint && <p>{t('statusNoEndpoint')}</p>}
      <PolicyProblems heading={t('statusPolicyProblemsAdmin')} problems={status.policyProblems.admin} />
      <PolicyProblems heading={t('statusPolicyProblemsUser')} problems={status.policyProblems.user} />
    </div>
  );
}

function PolicyProblems({ heading, problems }: { heading: string; problems: readonly Note[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="policy-problems error">
      <p>{heading}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <NoteText note={p} />
          </li>
        ))}
      </ul>
    </div>
  );
}
