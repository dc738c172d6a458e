// Feed status and waiting reports, shown by both the popup and the options page.
import type { ExtensionStatus } from '../background/status.ts';
import { message as t } from './translate.ts';

export function StatusView({ status }: { status: ExtensionStatus }) {
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
              <div>{t('statusEntries', [String(feed.entryCount)])}</div>
              <div>{t('statusLastUpdate', [feed.lastSuccess ? new Date(feed.lastSuccess).toLocaleString() : t('statusNever')])}</div>
              {feed.lastError && <div class="error">{t('statusLastError', [feed.lastError])}</div>}
            </li>
          ))}
        </ul>
      )}
      <p class="pending">{t('statusPendingReports', [String(status.pendingReports.length)])}</p>
      {status.pendingReports.length > 0 && (
        <ul class="reports">
          {status.pendingReports.map((r) => (
            <li key={r.id}>
              {r.kind === 'message' ? t('statusMessageReport', [r.subject]) : r.numbers.join(', ')} {r.lastError ? `(${r.lastError})` : ''}
            </li>
          ))}
        </ul>
      )}
      {!status.reportEndpoint && <p>{t('statusNoEndpoint')}</p>}
      {status.policyErrors.length > 0 && <p class="error">{t('statusPolicyErrors', [status.policyErrors.join('; ')])}</p>}
    </div>
  );
}
