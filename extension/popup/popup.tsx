import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ExtensionStatus } from '../background/status.ts';
import { ask } from '../lib/background-client.ts';
import { StatusView } from '../lib/status-view.tsx';
import { translator } from '../lib/translate.ts';
import { TechnicalDetail } from '../lib/note-text.tsx';
import { errorDetail } from '../../shared/i18n/note.ts';

const { t } = translator;

function Popup() {
  const [status, setStatus] = useState<ExtensionStatus | null>(null);
  const [error, setError] = useState('');
  const run = (type: 'status' | 'sync-now' | 'flush-outbox') =>
    ask<ExtensionStatus>({ type }).then(setStatus, (e: unknown) => setError(errorDetail(e)));
  useEffect(() => void run('status'), []);
  return (
    <>
      <h1>{t('popupTitle')}</h1>
      {error && (
        <p class="error">
          {t('popupStatusFailed')} <TechnicalDetail detail={error} />
        </p>
      )}
      {status && <StatusView status={status} />}
      <button type="button" onClick={() => void run('sync-now')}>{t('actionSyncNow')}</button>
      <button type="button" onClick={() => void run('flush-outbox')}>{t('actionSendNow')}</button>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('actionOpenOptions')}</button>
    </>
  );
}

document.documentElement.lang = translator.locale;
render(<Popup />, document.getElementById('app')!);
