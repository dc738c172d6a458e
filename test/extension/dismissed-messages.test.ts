// @vitest-environment happy-dom
// A hidden warning stays hidden for that message across page reloads: the content script reads the list
// once per page from the worker, which keeps it in extension storage (newest 500, none older than 30 days).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MailMessage, Verdict } from '../../shared/types.ts';
import type { BackgroundRequest, ScanResponse } from '../../extension/lib/messages.ts';
import type { OpenedMessage, WebmailProvider } from '../../extension/content/registry.ts';

const storage = vi.hoisted(() => ({ data: {} as Record<string, unknown> }));
// Content scripts and the pages' shared helpers reach the extension API through browser-api.ts (no polyfill).
vi.mock('../../extension/lib/browser-api.ts', async () => ({ browser: (await import('webextension-polyfill')).default }));
vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: { getMessage: () => '', getUILanguage: () => 'en' },
    runtime: { id: 'test' },
    storage: {
      local: {
        get: async (key: string) => (key in storage.data ? { [key]: structuredClone(storage.data[key]) } : {}),
        set: async (items: Record<string, unknown>) => {
          await new Promise((r) => setTimeout(r, 1));
          Object.assign(storage.data, structuredClone(items));
        },
      },
    },
  },
}));
const ask = vi.fn<(request: BackgroundRequest) => Promise<unknown>>();
vi.mock('../../extension/lib/background-client.ts', () => ({ ask: (request: BackgroundRequest) => ask(request) }));

// content/banner.js, which a webmail frame's first banner loads (extension/content/load-banner.ts).
await import('../../extension/content/banner-entry.ts');
const store = await import('../../extension/background/dismissed-store.ts');
const { dismissedMessages } = await import('../../extension/content/dismissed-messages.ts');
const { watchMessages } = await import('../../extension/content/watch-messages.ts');

const DAY = 86_400_000;
const verdict: Verdict = { level: 'warning', reasons: [], phones: [], brands: ['PayPal'] };
const shown: ScanResponse = { verdict, show: true, canReport: false, formatted: {} };

/** The worker's side of the conversation: scans answer `shown`, dismissals go to the real store. */
async function worker(request: BackgroundRequest): Promise<unknown> {
  if (request.type === 'dismissed-list') return store.dismissedKeys();
  if (request.type === 'dismissed-set') return store.setDismissed(request.key, request.hidden);
  return shown;
}

const provider: WebmailProvider = {
  id: 'gmail',
  matches: () => true,
  findOpenedMessages: (root) => [...root.querySelectorAll('div.msg')].map((body): OpenedMessage => ({ container: body, body, key: body.getAttribute('data-key') })),
  readMessage: async ({ body }): Promise<MailMessage> => ({
    subject: 's', from: null, replyTo: [], to: [], date: null, headers: [], text: body.textContent ?? '', hiddenText: '', parts: [], attachments: [], links: [],
  }),
  addHeaders: async (_opened, message) => message,
};

async function until(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function openMessage(key: string): void {
  document.body.innerHTML = `<div class="msg" data-key="${key}">Call PayPal on +1 804 713 4598</div>`;
}

const bannerRoot = () => document.querySelector('ringfence-banner')?.shadowRoot ?? null;
const isChip = () => Boolean(bannerRoot()?.querySelector('section.chip'));
const isFullBanner = () => Boolean(bannerRoot()?.querySelector('button.dismiss'));

beforeEach(() => {
  storage.data = {};
  document.body.innerHTML = '';
  (globalThis as { chrome?: unknown }).chrome = { runtime: { id: 'test' } };
  ask.mockReset();
  ask.mockImplementation(worker);
});

describe('dismissed messages across a page reload', () => {
  let pages: AbortController[] = [];
  afterEach(() => {
    for (const page of pages) page.abort();
    pages = [];
  });
  const loadPage = () => {
    const page = new AbortController();
    pages.push(page);
    watchMessages(provider, page.signal);
    return page;
  };

  it('shows the chip, not the whole banner, when a message hidden before the reload is opened again', async () => {
    openMessage('m1');
    const first = loadPage();
    await until(isFullBanner);
    bannerRoot()!.querySelector<HTMLButtonElement>('button.dismiss')!.click();
    await until(isChip);
    await until(() => ask.mock.calls.some(([r]) => r.type === 'dismissed-set'));
    await new Promise((r) => setTimeout(r, 20));
    first.abort(); // the page is reloaded: the content script's memory is gone
    document.body.innerHTML = '';

    openMessage('m1');
    loadPage();
    await until(() => bannerRoot() !== null);
    expect(isChip()).toBe(true);
    expect(isFullBanner()).toBe(false);
    expect(ask.mock.calls.filter(([r]) => r.type === 'dismissed-list')).toHaveLength(2); // once per page
  });

  it('shows the whole banner again after Show, on the next page too', async () => {
    openMessage('m2');
    const first = loadPage();
    await until(isFullBanner);
    bannerRoot()!.querySelector<HTMLButtonElement>('button.dismiss')!.click();
    await until(isChip);
    bannerRoot()!.querySelector<HTMLButtonElement>('section.chip button')!.click();
    await until(isFullBanner);
    await new Promise((r) => setTimeout(r, 20));
    first.abort();

    openMessage('m2');
    loadPage();
    await until(() => bannerRoot() !== null);
    expect(isFullBanner()).toBe(true);
  });

  it('a different message still gets its whole banner', async () => {
    await store.setDismissed('gmail:m1', true);
    openMessage('m3');
    loadPage();
    await until(() => bannerRoot() !== null);
    expect(isFullBanner()).toBe(true);
  });
});

describe('content copy of the list', () => {
  it('waits for the stored list, keeps webmails apart and writes changes through', async () => {
    await store.setDismissed('gmail:a', true);
    const list = dismissedMessages('gmail', worker);
    expect(list.loaded).toBe(false);
    await list.ready;
    expect(list.loaded).toBe(true);
    expect(list.has('a')).toBe(true);
    expect(dismissedMessages('outlook-web', worker).has('a')).toBe(false);
    list.hide('b');
    list.show('a');
    await until(() => (storage.data[store.DISMISSED_KEY] as unknown[] | undefined)?.length === 1 && (storage.data[store.DISMISSED_KEY] as [string][])[0]![0] === 'gmail:b');
  });

  it('shows banners even when the worker never answers the list', async () => {
    vi.useFakeTimers();
    try {
      const list = dismissedMessages('gmail', () => new Promise(() => {}));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(list.loaded).toBe(true);
      expect(list.has('x')).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('treats an answer that is not a list as nothing hidden', async () => {
    const list = dismissedMessages('gmail', async () => shown);
    await list.ready;
    expect(list.has('x')).toBe(false);
  });
});

describe('worker store', () => {
  it('keeps the newest 500 and none older than 30 days', async () => {
    const now = Date.UTC(2026, 10, 30);
    storage.data[store.DISMISSED_KEY] = [['old', now - 31 * DAY], ['recent', now - 29 * DAY]];
    expect(await store.dismissedKeys(now)).toEqual(['recent']);
    for (let i = 0; i < 510; i++) await store.setDismissed(`k${i}`, true, now);
    const keys = await store.dismissedKeys(now);
    expect(keys).toHaveLength(500);
    expect(keys[0]).toBe('k10');
    expect(keys.at(-1)).toBe('k509');
  });

  it('loses no change when several tabs write at once', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.setDismissed(`t${i}`, true)));
    expect((await store.dismissedKeys()).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `t${i}`).sort());
  });

  it('refuses a key that is not a short string, and ignores a malformed stored value', async () => {
    await expect(store.setDismissed(42, true)).rejects.toThrow(/message key/);
    await expect(store.setDismissed('x'.repeat(301), true)).rejects.toThrow(/message key/);
    storage.data[store.DISMISSED_KEY] = 'garbage';
    expect(await store.dismissedKeys()).toEqual([]);
    storage.data[store.DISMISSED_KEY] = [['ok', Date.now()], [1, 2], 'x'];
    expect(await store.dismissedKeys()).toEqual(['ok']);
  });
});
