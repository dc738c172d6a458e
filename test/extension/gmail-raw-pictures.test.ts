// @vitest-environment happy-dom
// Gmail's pictures for OCR come from "Show original", the same request as the headers: the whole raw message
// is kept only when it holds a picture or PDF part, and handed over as Gmail served it (parsed in the worker).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MailMessage } from '../../shared/types.ts';
import type { BackgroundRequest } from '../../extension/lib/messages.ts';

// Content scripts and the pages' shared helpers reach the extension API through browser-api.ts (no polyfill).
vi.mock('../../extension/lib/browser-api.ts', async () => ({ browser: (await import('webextension-polyfill')).default }));
vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '' }, runtime: { id: 'test', onMessage: { addListener() {}, removeListener() {} } } } }));
vi.mock('../../extension/lib/background-client.ts', () => ({
  ask: async (request: BackgroundRequest) => {
    if (request.type !== 'parse-headers') throw new Error(`unexpected ${request.type}`);
    return { headers: [{ name: 'Subject', value: 's' }], subject: 's', from: null, replyTo: [], to: [], date: null };
  },
}));

// content/banner.js, which a webmail frame's first banner loads (extension/content/load-banner.ts).
await import('../../extension/content/banner-entry.ts');
const { gmail } = await import('../../extension/content/providers/gmail.ts');

const page: MailMessage = { subject: 's', from: null, replyTo: [], to: [], date: null, headers: [], text: 't', hiddenText: '', parts: [], attachments: [], links: [] };
let next = 1;

function opened() {
  const container = document.createElement('div');
  const id = `#msg-f:17910000000000${String(next++).padStart(5, '0')}`;
  container.setAttribute('data-message-id', id);
  const body = document.createElement('div');
  container.append(body);
  document.body.append(container);
  return { container, body, key: id };
}

const withPicture = [
  'Subject: s',
  'Content-Type: multipart/mixed; boundary="b"',
  '',
  '--b',
  'Content-Type: text/plain',
  '',
  'see attached',
  '--b',
  'Content-Type: image/png; name="a.png"',
  'Content-Transfer-Encoding: base64',
  '',
  'iVBORw0KGgo=',
  '--b--',
  '',
].join('\r\n');
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function serve(raw: string, html = true) {
  const body = html ? `<!doctype html><pre id="raw_message_text">${escape(raw)}</pre>` : raw;
  const fetch = vi.fn(async () => new Response(body, { headers: { 'content-type': html ? 'text/html; charset=utf-8' : 'text/plain' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('Gmail pictures from "Show original"', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('hands over the raw message with a picture part, read by the same request as the headers', async () => {
    const fetch = serve(withPicture);
    const message = opened();
    const signal = new AbortController().signal;
    expect((await gmail.addHeaders!(message, page, signal))?.headers).toEqual([{ name: 'Subject', value: 's' }]);
    const pictures = await gmail.readPictures!(message, true, signal);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(pictures.images).toEqual([]);
    expect(pictures.raw?.html).toBe(true);
    expect(pictures.raw?.text).toContain('Content-Type: image/png; name="a.png"');
  });

  it('hands over nothing when the text does not call for pictures and the message has no PDF', async () => {
    serve(withPicture, false);
    const message = opened();
    expect(await gmail.readPictures!(message, false, new AbortController().signal)).toEqual({ images: [] });
  });

  it('hands over a raw message with a PDF whatever the text says (a PDF page may have no text)', async () => {
    serve(withPicture.replace('image/png; name="a.png"', 'application/pdf; name="a.pdf"'), false);
    const pictures = await gmail.readPictures!(opened(), false, new AbortController().signal);
    expect(pictures.raw?.html).toBe(false);
    expect(pictures.raw?.text).toContain('a.pdf');
  });

  it('downloads the rest of a large raw message only when its pictures will be read', async () => {
    const head = `${withPicture.slice(0, withPicture.indexOf('iVBOR'))}${'A'.repeat(600 * 1024)}`;
    const serveStream = () => {
      const state = { pulls: 0, cancelled: false };
      const chunks = [head, `${'B'.repeat(1024)}\r\n--b--\r\n`];
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            const chunk = chunks[state.pulls++];
            if (chunk === undefined) controller.close();
            else controller.enqueue(new TextEncoder().encode(chunk));
          },
          cancel() {
            state.cancelled = true;
          },
        },
        { highWaterMark: 0 },
      );
      vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { headers: { 'content-type': 'text/plain' } })));
      return state;
    };
    const skipped = serveStream();
    expect(await gmail.readPictures!(opened(), false, new AbortController().signal)).toEqual({ images: [] });
    expect(skipped).toEqual({ pulls: 1, cancelled: true });
    const read = serveStream();
    const pictures = await gmail.readPictures!(opened(), true, new AbortController().signal);
    expect(pictures.raw?.text.endsWith('--b--\r\n')).toBe(true);
    expect(read.cancelled).toBe(false);
  });

  it('keeps no raw message without a picture or PDF part (the page pictures stand in)', async () => {
    const fetch = serve('Subject: s\r\nContent-Type: text/html\r\n\r\n<p>hello</p>');
    const message = opened();
    const pictures = await gmail.readPictures!(message, true, new AbortController().signal);
    expect(pictures).toEqual({ images: [] });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
