// Feed status and waiting reports, shown by both the popup and the options page.
import type { ExtensionStatus } from '../background/status.ts';
import { translator } from './translate.ts';

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
              {feed.lastError && <div class="error">{t('statusLastError', { error: feed.lastError })}</div>}
            </li>
          ))}
        </ul>
      )}
      <p class="pending">{pending === 0 ? t('statusNoPendingReports') : t('statusPendingReports', { count: pending })}</p>
      {pending > 0 && (
        <ul class="reports">
          {status.pendingReports.map((r) => (
            <li key={r.id}>
              {r.kind === 'message' ? t('statusMessageReport', { subject: r.subject }) : r.numbers.join(', ')} {r.lastError ? `(${r.lastError})` : ''}
            </li>
          ))}
        </ul>
      )}
      {!status.reportEndpoint && <p>{t('statusNoEndpoint')}</p>}
      {status.policyErrors.length > 0 && <p class="error">{t('statusPolicyErrors', { errors: status.policyErrors.join('; ') })}</p>}
    </div>
  );
}
