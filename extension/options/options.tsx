// Options: the user's own feeds and trusted numbers, where the admin policy leaves them unset; status.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { validatePolicy } from '../../shared/policy/validate-policy.ts';
import type { Policy } from '../../shared/types.ts';
import type { ExtensionStatus } from '../background/status.ts';
import { USER_OPTIONS_KEY } from '../background/policy.ts';
import { ask } from '../lib/background-client.ts';
import { StatusView } from '../lib/status-view.tsx';
import { message as t } from '../lib/translate.ts';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function Options() {
  const [status, setStatus] = useState<ExtensionStatus | null>(null);
  const [feeds, setFeeds] = useState('');
  const [trusted, setTrusted] = useState('');
  const [note, setNote] = useState('');

  const refresh = async () => {
    const next = await ask<ExtensionStatus>({ type: 'status' });
    setStatus(next);
    return next;
  };
  useEffect(() => {
    void refresh().then((s) => {
      setFeeds((s.user.feeds ?? []).map((f) => f.url).join('\n'));
      setTrusted((s.user.trustedNumbers ?? []).join('\n'));
    });
    const onChange = () => void refresh();
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  const managed = (key: keyof Policy) => status?.managedKeys.includes(key) ?? false;

  const save = async (event: Event) => {
    event.preventDefault();
    const draft: Policy = {};
    if (!managed('feeds')) draft.feeds = lines(feeds).map((url) => ({ url }));
    if (!managed('trustedNumbers')) draft.trustedNumbers = lines(trusted);
    const { policy, errors } = validatePolicy(draft);
    if (errors.length > 0) {
      setNote(t('optionsInvalid', [errors.join('; ')]));
      return;
    }
    // Host access for the user's own https feeds, asked for within the click (a server without CORS needs it).
    const origins = (policy.feeds ?? []).map((f) => new URL(f.url)).filter((u) => u.protocol === 'https:').map((u) => `${u.origin}/*`);
    if (origins.length > 0) await browser.permissions.request({ origins }).catch(() => false);
    await browser.storage.local.set({ [USER_OPTIONS_KEY]: policy });
    setNote(t('optionsSaved'));
  };

  return (
    <form onSubmit={save}>
      <h1>{t('optionsTitle')}</h1>
      <label for="feeds">
        {t('optionsFeeds')}
        {managed('feeds') && <span class="managed">{t('optionsManaged')}</span>}
      </label>
      <textarea id="feeds" value={feeds} disabled={managed('feeds')} onInput={(e) => setFeeds(e.currentTarget.value)} />
      <label for="trusted">
        {t('optionsTrustedNumbers')}
        {managed('trustedNumbers') && <span class="managed">{t('optionsManaged')}</span>}
      </label>
      <textarea id="trusted" value={trusted} disabled={managed('trustedNumbers')} onInput={(e) => setTrusted(e.currentTarget.value)} />
      <p>
        <button type="submit">{t('optionsSave')}</button>
        <span role="status">{note}</span>
      </p>
      <h2>{t('optionsStatus')}</h2>
      {status && <StatusView status={status} />}
      <button type="button" onClick={() => void ask<ExtensionStatus>({ type: 'sync-now' }).then(setStatus)}>{t('actionSyncNow')}</button>
      <button type="button" onClick={() => void ask<ExtensionStatus>({ type: 'flush-outbox' }).then(setStatus)}>{t('actionSendNow')}</button>
    </form>
  );
}

render(<Options />, document.getElementById('app')!);
