// @vitest-environment happy-dom
// One "Show original" request per message at a time: callers asking for the same message meanwhile share it,
// one caller giving up does not cancel it for the others, and it is cancelled when every caller gave up.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MailMessage } from '../../shared/types.ts';
import type { BackgroundRequest } from '../../extension/lib/messages.ts';
import { InFlight } from '../../extension/content/in-flight.ts';

// Content scripts and the pages' shared helpers reach the extension API through browser-api.ts (no polyfill).
vi.mock('../../extension/lib/browser-api.ts', async () => ({ browser: (await import('webextension-polyfill')).default }));
vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' }, runtime: { id: 'test', onMessage: { addListener() {}, removeListener() {} } } } }));
const ask = vi.fn(async (request: BackgroundRequest) => {
  if (request.type !== 'parse-headers') throw new Error(`unexpected ${request.type}`);
  return { headers: [{ name: 'Message-ID', value: '<m1@example.net>' }], subject: '', from: null, replyTo: [], to: [], date: null, messageId: '<m1@example.net>' };
});
vi.mock('../../extension/lib/background-client.ts', () => ({ ask: (request: BackgroundRequest) => ask(request) }));

// content/banner.js, which a webmail frame's first banner loads (extension/content/load-banner.ts).
await import('../../extension/content/banner-entry.ts');
const { gmail } = await import('../../extension/content/providers/gmail.ts');

const page: MailMessage = { subject: 's', from: null, replyTo: [], to: [], date: null, headers: [], text: 't', hiddenText: '', parts: [], attachments: [], links: [] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function opened() {
  const container = document.createElement('div');
  container.setAttribute('data-message-id', '#msg-f:1791000000000000001');
  const body = document.createElement('div');
  container.append(body);
  document.body.append(container);
  return { container, body, key: '#msg-f:1791000000000000001' };
}

describe('Gmail "Show original"', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is fetched once for a message judged twice at the same time (a re-render, a re-judge)', async () => {
    const fetch = vi.fn(async () => {
      await sleep(30);
      return new Response('Message-ID: <m1@example.net>\r\nSubject: s\r\n\r\nbody', { headers: { 'content-type': 'text/plain' } });
    });
    vi.stubGlobal('fetch', fetch);
    const message = opened();
    const [a, b] = await Promise.all([0, 1].map(() => gmail.addHeaders!(message, page, new AbortController().signal)));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(a?.messageId).toBe('<m1@example.net>');
    expect(b?.messageId).toBe('<m1@example.net>');
  });
});

describe('InFlight', () => {
  it('shares one run between callers; one caller leaving does not stop it for the others', async () => {
    const shared = new InFlight<string>();
    let started = 0;
    let sawAbort: AbortSignal | undefined;
    const start = async (signal: AbortSignal) => {
      started++;
      sawAbort = signal;
      await sleep(20);
      return 'value';
    };
    const leaving = new AbortController();
    const first = shared.run('k', leaving.signal, start, 'gone');
    const second = shared.run('k', new AbortController().signal, start, 'gone');
    leaving.abort();
    expect(await first).toBe('gone');
    expect(await second).toBe('value');
    expect(started).toBe(1);
    expect(sawAbort!.aborted).toBe(false);
    expect(shared.size).toBe(0);
  });

  it('aborts the run when every caller left, and starts afresh for the next one', async () => {
    const shared = new InFlight<string>();
    const signals: AbortSignal[] = [];
    const start = (signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => resolve('value'), 20);
        signal.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))));
      });
    };
    const a = new AbortController();
    const b = new AbortController();
    const both = [shared.run('k', a.signal, start, 'gone'), shared.run('k', b.signal, start, 'gone')];
    a.abort();
    b.abort();
    expect(await Promise.all(both)).toEqual(['gone', 'gone']);
    expect(signals[0]!.aborted).toBe(true);
    expect(await shared.run('k', new AbortController().signal, start, 'gone')).toBe('value');
    expect(signals).toHaveLength(2);
  });
});
