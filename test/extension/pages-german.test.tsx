// @vitest-environment happy-dom
// The options page and the popup with the browser in German (`--lang=de`): a malformed setting from the
// organisation, a malformed setting of the user's own, scam lists whose last update failed (server error,
// network error, unreadable list) and a number the user typed that is not a number all read in German. What
// the checkers and servers said is shown only as a technical detail, under its label.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CATALOGUES } from '../../shared/i18n/catalogues.ts';
import type { FeedStatus } from '../../shared/feed/types.ts';
import { expectGerman, readerText } from '../i18n/support/expect-german.ts';

const env = vi.hoisted(() => ({
  managed: {} as Record<string, unknown>,
  local: {} as Record<string, unknown>,
  feeds: [] as unknown[],
  statusError: '' as string,
}));

// Content scripts and the pages' shared helpers reach the extension API through browser-api.ts (no polyfill).
vi.mock('../../extension/lib/browser-api.ts', async () => ({ browser: (await import('webextension-polyfill')).default }));
vi.mock('webextension-polyfill', async () => {
  const { CATALOGUES: catalogues } = await import('../../shared/i18n/catalogues.ts');
  return {
    default: {
      i18n: {
        getUILanguage: () => 'de',
        // As the browser does: the UI language's message, else default_locale's, else "".
        getMessage: (key: string) => catalogues.de![key]?.message ?? catalogues.en![key]?.message ?? '',
      },
      runtime: {
        sendMessage: async () => {
          if (env.statusError) return { ok: false, error: env.statusError };
          const { readStatus } = await import('../../extension/background/status.ts');
          return { ok: true, value: await readStatus() };
        },
        openOptionsPage: async () => {},
      },
      storage: {
        managed: { get: async () => structuredClone(env.managed) },
        local: {
          get: async (key: string) => (key in env.local ? { [key]: structuredClone(env.local[key]) } : {}),
          set: async (items: Record<string, unknown>) => void Object.assign(env.local, structuredClone(items)),
        },
        onChanged: { addListener: () => {}, removeListener: () => {} },
      },
      permissions: { request: async () => true },
    },
  };
});
vi.mock('../../extension/background/stores.ts', () => ({ listFeedStatus: async () => structuredClone(env.feeds) }));
vi.mock('../../extension/background/outbox-runner.ts', () => ({ getOutbox: async () => ({ pending: async () => [] }) }));

const { syncFeed } = await import('../../shared/feed-sync/sync.ts');
const { openNodeFeedStore } = await import('../../cli/node-store.ts');
const { USER_OPTIONS_KEY, invalidatePolicy } = await import('../../extension/background/policy.ts');

const now = new Date('2026-11-30T12:00:00Z');

/** Feed statuses as syncFeed leaves them after failed updates: its own words, not made up here. */
async function failedFeeds(): Promise<FeedStatus[]> {
  const store = await openNodeFeedStore();
  const answers: Record<string, () => Promise<Response>> = {
    'https://127.0.0.1/liste-a.json': async () => new Response('down', { status: 503 }),
    'https://127.0.0.1/liste-b.json': async () => {
      throw new TypeError('fetch failed');
    },
    'https://127.0.0.1/liste-c.json': async () => new Response('<html>maintenance</html>', { status: 200 }),
  };
  for (const url of Object.keys(answers)) {
    const fetch = (async () => answers[url]!()) as typeof globalThis.fetch;
    const outcome = await syncFeed({ url }, store, { now, policy: {}, fetch, timeoutMs: 1_000, random: () => 0.5 });
    expect(outcome.result).toBe('failed');
  }
  return store.listStatus();
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

async function openPage(page: 'options' | 'popup'): Promise<HTMLElement> {
  document.body.innerHTML = '<main id="app"></main>';
  vi.resetModules();
  invalidatePolicy();
  await import(page === 'options' ? '../../extension/options/options.tsx' : '../../extension/popup/popup.tsx');
  const app = document.getElementById('app')!;
  for (let i = 0; i < 50 && !app.querySelector('.status'); i++) await settled();
  return app;
}

beforeEach(async () => {
  env.managed = { feedTtlDays: -3, defaultRegion: 'UK', reportEndpoint: 'ftp://reports.example/r', feeds: [{ url: 'http://feeds.example/l.json' }] };
  env.local = { [USER_OPTIONS_KEY]: { updateIntervalMinutes: 'oft', trustedSenders: 'example.com' } };
  env.feeds = await failedFeeds();
  env.statusError = '';
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('extension pages in German', () => {
  it('the popup shows policy problems and failed list updates in German, the technical lines only as details', async () => {
    const app = await openPage('popup');
    expect(app.querySelector('.status')).not.toBeNull();
    expectGerman(readerText(app), 'popup');
    const details = [...app.querySelectorAll('.detail-text')].map((d) => d.textContent);
    expect(details.some((d) => /HTTP 503/.test(d ?? ''))).toBe(true);
    expect(details.some((d) => /feedTtlDays/.test(d ?? ''))).toBe(true);
    expect(app.textContent).toContain('Technische Angabe:');
    // The setting named in plain words, the list's failure said plainly.
    expect(app.textContent).toContain('„Tage, die eine Betrugsmeldung gilt“ wurde nicht verwendet: Der Wert muss eine Zahl größer als 0 sein.');
    expect(app.textContent).toContain('Der Server der Liste hat sie nicht geliefert.');
  });

  it('the popup says in German that it could not read the status', async () => {
    env.statusError = 'Could not establish connection. Receiving end does not exist.';
    const app = await openPage('popup');
    for (let i = 0; i < 50 && !app.querySelector('.error'); i++) await settled();
    expectGerman(readerText(app), 'popup error');
  });

  it('the options page shows policy problems and failed list updates in German', async () => {
    const app = await openPage('options');
    expectGerman(readerText(app), 'options');
  });

  it('the options page refuses a number that is not one with a German reason', async () => {
    env.managed = {};
    const app = await openPage('options');
    const trusted = app.querySelector<HTMLTextAreaElement>('#trusted')!;
    trusted.value = '+49 30 1234567\ncall me on 0800 123';
    trusted.dispatchEvent(new Event('input', { bubbles: true }));
    await settled();
    app.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    for (let i = 0; i < 50 && !app.querySelector('.field-problems'); i++) await settled();
    const problems = app.querySelector('.field-problems')!.textContent!;
    expect(problems).toContain('Zeile 2:');
    expect(app.querySelector('.save-note')!.textContent).toBe(CATALOGUES.de!.optionsNotSaved!.message);
    // The refused line itself is the user's own text; the sentence around it is German.
    expectGerman(readerText(app).replace('call me on 0800 123', ''), 'options, refused number');
  });
});
