// @vitest-environment happy-dom
// The content script under a day's load, with a fake provider and a fake worker: state only for messages in
// the DOM, a bounded number judged at a time (those on screen first), and one scan per message (headers that
// come late are judged on the body the worker kept).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MailMessage, Verdict } from '../../shared/types.ts';
import type { BackgroundRequest, ScanResponse } from '../../extension/lib/messages.ts';
import type { OpenedMessage, WebmailProvider } from '../../extension/content/registry.ts';

// Content scripts and the pages' shared helpers reach the extension API through browser-api.ts (no polyfill).
vi.mock('../../extension/lib/browser-api.ts', async () => ({ browser: (await import('webextension-polyfill')).default }));
vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' }, runtime: { id: 'test' } } }));
const ask = vi.fn<(request: BackgroundRequest) => Promise<unknown>>();
vi.mock('../../extension/lib/background-client.ts', () => ({ ask: (request: BackgroundRequest) => ask(request) }));

// content/banner.js, which a webmail frame's first banner loads (extension/content/load-banner.ts).
await import('../../extension/content/banner-entry.ts');
const { watchMessages } = await import('../../extension/content/watch-messages.ts');
const { HEADER_GRACE_MS, HEADER_WAIT_MS } = await import('../../extension/content/judge-message.ts');

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const verdict: Verdict = { level: 'warning', reasons: [], phones: [], brands: ['PayPal'] };
const shown: ScanResponse = { verdict, show: true, canReport: false, formatted: {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pageMessage(text: string): MailMessage {
  return { subject: 's', from: null, replyTo: [], to: [], date: null, headers: [], text, hiddenText: '', parts: [], attachments: [], links: [] };
}

interface Probe {
  provider: WebmailProvider;
  reads: string[];
  /** Header requests in flight, and the most at once. */
  inFlight: number;
  mostInFlight: number;
  headerSignals: Map<string, AbortSignal>;
}

/** A provider for <div class="msg" data-key="…"> bodies whose headers take `headerMs`. */
function fakeProvider(headerMs: number): Probe {
  const probe: Probe = {
    reads: [],
    inFlight: 0,
    mostInFlight: 0,
    headerSignals: new Map(),
    provider: {
      id: 'gmail',
      matches: () => true,
      findOpenedMessages: (root) =>
        [...root.querySelectorAll('div.msg')].map((body): OpenedMessage => ({ container: body, body, key: body.getAttribute('data-key') })),
      readMessage: async ({ body }) => {
        probe.reads.push(body.getAttribute('data-key')!);
        return pageMessage(body.textContent ?? '');
      },
      addHeaders: async ({ body }, message, signal) => {
        probe.headerSignals.set(body.getAttribute('data-key')!, signal);
        probe.mostInFlight = Math.max(probe.mostInFlight, ++probe.inFlight);
        try {
          await sleep(headerMs);
        } finally {
          probe.inFlight--;
        }
        return { ...message, headers: [{ name: 'Authentication-Results', value: 'mx; dkim=pass' }] };
      },
    },
  };
  return probe;
}

function addMessage(key: string, parent: Element = document.body): HTMLElement {
  const body = document.createElement('div');
  body.className = 'msg';
  body.setAttribute('data-key', key);
  body.textContent = `Your PayPal renewal ${key}: call +1 804 713 4598`;
  parent.append(body);
  return body;
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(5);
  }
}

const banners = () => document.querySelectorAll('ringfence-banner').length;
/** Full scans asked of the worker (each reads the body). */
const scans = () => ask.mock.calls.filter(([r]) => r.type === 'scan').map(([r]) => (r as { message: MailMessage }).message);
/** Every look: full scans and header updates (late headers judged on the body the worker kept), in order. */
const looks = () => ask.mock.calls.filter(([r]) => r.type === 'scan' || r.type === 'scan-headers').map(([r]) => r as { type: string; message: MailMessage });

describe('watchMessages', () => {
  let controller: AbortController;
  beforeEach(() => {
    document.body.innerHTML = '';
    (globalThis as { chrome?: unknown }).chrome = { runtime: { id: 'test' } };
    ask.mockReset();
    ask.mockImplementation(async () => {
      await sleep(2);
      return shown;
    });
    controller = new AbortController();
  });
  afterEach(() => controller.abort());

  it('lets a message that left the DOM go: no element of 30 messages opened one after another stays reachable', async () => {
    const probe = fakeProvider(1);
    watchMessages(probe.provider, controller.signal);
    const gone: WeakRef<Element>[] = [];
    for (let i = 0; i < 30; i++) {
      const container = document.createElement('section');
      addMessage(`m${i}`, container);
      document.body.replaceChildren(container);
      await until(() => banners() === 1);
      if (i < 29) gone.push(new WeakRef(container));
    }
    document.body.replaceChildren();
    await sleep(60);
    for (let i = 0; i < 5; i++) {
      gc();
      await sleep(10);
    }
    expect(gone.filter((ref) => ref.deref() !== undefined).length).toBe(0);
  });

  it('cancels the judgement of a message that leaves before it is judged: its header fetch is aborted, no banner', async () => {
    const probe = fakeProvider(2_000);
    watchMessages(probe.provider, controller.signal);
    const body = addMessage('slow');
    await until(() => probe.headerSignals.has('slow'));
    body.remove();
    await until(() => probe.headerSignals.get('slow')!.aborted, 1_000);
    await sleep(300);
    expect(scans()).toHaveLength(0);
    expect(banners()).toBe(0);
  });

  it('judges at most 6 messages of a 40-message conversation at once, those on screen first', async () => {
    const reported: Element[] = [];
    // On screen: the last five messages (a conversation opens scrolled to its end).
    class FakeIntersectionObserver {
      constructor(private readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void) {}
      observe(target: Element) {
        reported.push(target);
        setTimeout(() => this.callback([{ target, isIntersecting: Number(target.getAttribute('data-key')!.slice(1)) >= 35 }]), 1);
      }
      unobserve() {}
      disconnect() {}
    }
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    try {
      const probe = fakeProvider(40);
      watchMessages(probe.provider, controller.signal);
      for (let i = 0; i < 40; i++) addMessage(`m${i}`);
      await until(() => banners() === 40, 10_000);
      expect(probe.mostInFlight).toBeLessThanOrEqual(6);
      expect(probe.reads.slice(0, 5).sort()).toEqual(['m35', 'm36', 'm37', 'm38', 'm39']);
      expect(reported.length).toBe(40);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('scans each message once, with its headers, when they come quickly', async () => {
    const probe = fakeProvider(10);
    watchMessages(probe.provider, controller.signal);
    for (let i = 0; i < 10; i++) addMessage(`m${i}`);
    await until(() => banners() === 10);
    await sleep(100);
    expect(scans()).toHaveLength(10);
    expect(scans().every((m) => m.headers.length === 1)).toBe(true);
  });

  it('shows the banner without waiting for slow headers, then judges it with them on the kept body (no second scan)', async () => {
    const probe = fakeProvider(400);
    watchMessages(probe.provider, controller.signal);
    addMessage('late');
    // The banner waits only the grace for headers, never for the headers themselves (400 ms).
    await until(() => banners() === 1, HEADER_GRACE_MS + 150);
    expect(scans().map((m) => m.headers.length)).toEqual([0]);
    await until(() => looks().length === 2, 1_000);
    expect(looks().map((l) => [l.type, l.message.headers.length])).toEqual([
      ['scan', 0],
      ['scan-headers', 1],
    ]);
    expect(scans()).toHaveLength(1);
  });

  it('frees a judging place right after the DOM read: 40 messages with slow headers all get banners at once, 6 header fetches at a time', async () => {
    const probe = fakeProvider(400);
    watchMessages(probe.provider, controller.signal);
    const started = Date.now();
    for (let i = 0; i < 40; i++) addMessage(`m${i}`);
    await until(() => banners() === 40, 5_000);
    // A message queued behind header requests waits at most HEADER_WAIT_MS for its place; places held for the
    // headers themselves (400 ms each, 6 at a time) would take 7 rounds, 2.8 s, before the last banner.
    expect(Date.now() - started).toBeLessThan(HEADER_WAIT_MS + 600);
    // Each message is judged with its headers in the end: at once when they came in time, else a header update
    // on the body its scan read. Each is scanned once.
    await until(() => looks().filter((l) => l.message.headers.length === 1).length === 40, 10_000);
    expect(scans()).toHaveLength(40);
    expect(new Set(ask.mock.calls.filter(([r]) => r.type === 'scan').map(([r]) => (r as { key: string }).key)).size).toBe(40);
    expect(looks()).toHaveLength(40 + looks().filter((l) => l.type === 'scan-headers').length);
    expect(probe.mostInFlight).toBe(6);
  });

  it('sends a second look (late headers) only once no message is waiting for its first scan', async () => {
    // A worker that scans one message at a time, 25 ms each: the first scans of 20 messages take 500 ms,
    // while the headers come after 160 ms.
    let busyUntil = 0;
    ask.mockImplementation(async () => {
      busyUntil = Math.max(busyUntil, Date.now()) + 25;
      await sleep(busyUntil - Date.now());
      return shown;
    });
    const probe = fakeProvider(160);
    watchMessages(probe.provider, controller.signal);
    for (let i = 0; i < 20; i++) addMessage(`m${i}`);
    await until(() => banners() === 20, 5_000);
    await until(() => looks().length === 40, 5_000);
    const withHeaders = looks().map((l) => `${l.type} ${l.message.headers.length}`);
    expect(withHeaders.slice(0, 20)).toEqual(Array(20).fill('scan 0'));
    expect(withHeaders.slice(20)).toEqual(Array(20).fill('scan-headers 1'));
  });

  it('keeps a verdict for a message that is re-rendered, without judging it again', async () => {
    const probe = fakeProvider(1);
    watchMessages(probe.provider, controller.signal);
    addMessage('again');
    await until(() => banners() === 1);
    await sleep(50);
    document.body.replaceChildren();
    addMessage('again');
    await until(() => banners() === 1);
    await sleep(50);
    expect(scans()).toHaveLength(1);
  });
});
