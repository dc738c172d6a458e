// Options: what the organisation set (read-only, with the admin's values), the user's own scam lists and
// trusted numbers where the policy leaves them unset, and status. Save checks every line first and merges
// into the stored options, so values saved elsewhere are kept.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { validatePolicy, POLICY_KEYS } from '../../shared/policy/validate-policy.ts';
import type { Policy } from '../../shared/types.ts';
import type { ExtensionStatus } from '../background/status.ts';
import { USER_OPTIONS_KEY } from '../background/policy.ts';
import { ask } from '../lib/background-client.ts';
import { StatusView } from '../lib/status-view.tsx';
import { NoteText } from '../lib/note-text.tsx';
import type { Note } from '../../shared/i18n/note.ts';
import { translator } from '../lib/translate.ts';
import { checkFeedLines, checkNumberLines, type LineProblem } from './check-lines.ts';
import { ManagedSettings } from './managed-settings.tsx';

const { t } = translator;

function Options() {
  const [status, setStatus] = useState<ExtensionStatus | null>(null);
  const [managedValues, setManagedValues] = useState<Record<string, unknown>>({});
  const [feeds, setFeeds] = useState('');
  const [trusted, setTrusted] = useState('');
  const [problems, setProblems] = useState<{ feeds: LineProblem[]; trusted: LineProblem[] }>({ feeds: [], trusted: [] });
  const [note, setNote] = useState('');
  /** Settings the policy checker refused at Save, in the reader's words. */
  const [refused, setRefused] = useState<Note[]>([]);
  const feedsRef = useRef<HTMLTextAreaElement>(null);
  const trustedRef = useRef<HTMLTextAreaElement>(null);

  const refresh = async () => {
    const [next, managed] = await Promise.all([ask<ExtensionStatus>({ type: 'status' }), readManaged()]);
    setStatus(next);
    setManagedValues(managed);
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

  const managedKeys = status?.managedKeys ?? [];
  const managed = (key: keyof Policy) => managedKeys.includes(key);
  const region = typeof managedValues.defaultRegion === 'string' ? managedValues.defaultRegion : status?.user.defaultRegion ?? 'US';

  const save = async (event: Event) => {
    event.preventDefault();
    const feedCheck = managed('feeds') ? { values: [], problems: [] } : checkFeedLines(feeds);
    const numberCheck = managed('trustedNumbers') ? { values: [], problems: [] } : checkNumberLines(trusted, region);
    setProblems({ feeds: feedCheck.problems, trusted: numberCheck.problems });
    setRefused([]);
    if (feedCheck.problems.length > 0 || numberCheck.problems.length > 0) {
      setNote(t('optionsNotSaved'));
      (feedCheck.problems.length > 0 ? feedsRef : trustedRef).current?.focus();
      return;
    }
    const draft: Policy = {};
    if (!managed('feeds')) draft.feeds = feedCheck.values.map((url) => ({ url }));
    if (!managed('trustedNumbers')) draft.trustedNumbers = numberCheck.values;
    const { policy, problems: checkerProblems } = validatePolicy(draft);
    if (checkerProblems.length > 0) {
      setNote(t('optionsNotSavedSettings'));
      setRefused(checkerProblems);
      return;
    }
    // Host access for the user's own https feeds, asked for within the click (a server without CORS needs it).
    const origins = (policy.feeds ?? []).map((f) => new URL(f.url)).filter((u) => u.protocol === 'https:').map((u) => `${u.origin}/*`);
    if (origins.length > 0) await browser.permissions.request({ origins }).catch(() => false);
    // Merge: keys this page does not edit (set by another version, or by a future field) are kept.
    const stored = (await browser.storage.local.get(USER_OPTIONS_KEY))[USER_OPTIONS_KEY];
    const previous = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
    await browser.storage.local.set({ [USER_OPTIONS_KEY]: { ...previous, ...policy } });
    setTrusted(numberCheck.values.join('\n'));
    setNote(t('optionsSaved'));
  };

  return (
    <form onSubmit={save} noValidate>
      <h1>{t('optionsTitle')}</h1>
      <ManagedSettings keys={managedKeys} values={managedValues} translator={translator} />
      <h2>{t('optionsYours')}</h2>
      {!managed('feeds') && (
        <Field id="feeds" label={t('optionsFeeds')} value={feeds} onInput={setFeeds} problems={problems.feeds} inputRef={feedsRef} />
      )}
      {!managed('trustedNumbers') && (
        <Field id="trusted" label={t('optionsTrustedNumbers')} value={trusted} onInput={setTrusted} problems={problems.trusted} inputRef={trustedRef} />
      )}
      <p>
        <button type="submit">{t('optionsSave')}</button>
        <span class="save-note" role="status">{note}</span>
      </p>
      {refused.length > 0 && (
        <ul class="refused-settings error">
          {refused.map((p, i) => (
            <li key={i}>
              <NoteText note={p} />
            </li>
          ))}
        </ul>
      )}
      <h2>{t('optionsStatus')}</h2>
      {status && <StatusView status={status} />}
      <button type="button" onClick={() => void ask<ExtensionStatus>({ type: 'sync-now' }).then(setStatus)}>{t('actionSyncNow')}</button>
      <button type="button" onClick={() => void ask<ExtensionStatus>({ type: 'flush-outbox' }).then(setStatus)}>{t('actionSendNow')}</button>
    </form>
  );
}

function Field(props: { id: string; label: string; value: string; onInput: (v: string) => void; problems: LineProblem[]; inputRef: { current: HTMLTextAreaElement | null } }) {
  const { id, label, value, onInput, problems, inputRef } = props;
  return (
    <>
      <label for={id}>{label}</label>
      <textarea
        id={id}
        ref={inputRef}
        value={value}
        aria-invalid={problems.length > 0 ? 'true' : undefined}
        aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {problems.length > 0 && (
        <ul class="field-problems error" id={`${id}-problems`}>
          {problems.map((p) => (
            <li key={p.line}>{t(p.kind === 'number' ? 'optionsBadNumber' : 'optionsBadUrl', { line: p.line, text: p.text })}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The admin's values as the browser holds them (managed storage); empty where there is none. */
async function readManaged(): Promise<Record<string, unknown>> {
  try {
    const all = await browser.storage.managed.get(null);
    return Object.fromEntries(Object.entries(all).filter(([key]) => (POLICY_KEYS as readonly string[]).includes(key)));
  } catch {
    return {};
  }
}

document.documentElement.lang = translator.locale;
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
