// @vitest-environment happy-dom
// The banner comes to a webmail frame with its first banner: the content script imports content/banner.js
// once (concurrent banners share the one import), renders later banners at once, and a failed load is
// logged, leaves the page alone and is tried again with the next banner.
import { fileURLToPath, URL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CATALOGUES } from '../../shared/i18n/catalogues.ts';
import { buildManifest } from '../../extension/manifest.ts';
import type { Verdict } from '../../shared/types.ts';
import type { ScanResponse } from '../../extension/lib/messages.ts';

// content/banner.js as built from banner-entry.ts; `missing` stands for a load that fails.
const BANNER_ENTRY = fileURLToPath(new URL('../../extension/content/banner-entry.ts', import.meta.url));
const served = { script: BANNER_ENTRY };
const getURL = vi.fn((path: string) => (path === 'content/banner.js' ? served.script : `/nowhere/${path}`));
vi.mock('../../extension/lib/browser-api.ts', () => ({
  browser: {
    runtime: { id: 'test', getURL: (path: string) => getURL(path) },
    i18n: { getUILanguage: () => 'en', getMessage: (key: string) => CATALOGUES.en![key]?.message ?? '' },
  },
}));

const { BANNER_GLOBAL } = await import('../../extension/content/banner-global.ts');
const global = globalThis as Record<string, unknown>;

const verdict: Verdict = {
  level: 'danger',
  reasons: [{ code: 'brand-callback-lure', message: 'PayPal asks you to call', params: { brand: ['PayPal'] } }],
  phones: [{ e164: '+18047134598', raw: '804 713 4598', part: 'body', start: 0, end: 12, inFeed: false }],
  brands: ['PayPal'],
};
const response: ScanResponse = { verdict, show: true, canReport: false, formatted: {} };
async function freshBannerHost() {
  vi.resetModules();
  return (await import('../../extension/content/banner-host.ts')).createBannerHost;
}

function shownIn(host: HTMLElement): boolean {
  return Boolean(host.shadowRoot?.querySelector('.banner'));
}

beforeEach(() => {
  delete global[BANNER_GLOBAL];
  served.script = BANNER_ENTRY;
  getURL.mockClear();
  document.body.innerHTML = '';
});
afterEach(() => vi.restoreAllMocks());

describe('banner loaded with a frame\'s first banner', () => {
  it('imports banner.js once for banners asked together, and renders later banners at once', async () => {
    const createBannerHost = await freshBannerHost();
    const first = createBannerHost(response, { onDismiss() {} });
    const second = createBannerHost(response, { onDismiss() {} });
    expect(shownIn(first.host)).toBe(false);
    await vi.waitFor(() => expect(shownIn(first.host) && shownIn(second.host)).toBe(true));
    expect(getURL).toHaveBeenCalledTimes(1);
    const later = createBannerHost(response, { onDismiss() {} });
    expect(shownIn(later.host)).toBe(true);
    expect(getURL).toHaveBeenCalledTimes(1);
  });

  it('a failed load is logged without throwing, and the next banner tries again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    served.script = '/nowhere/banner.js';
    const createBannerHost = await freshBannerHost();
    const failed = createBannerHost(response, { onDismiss() {} });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('Ringfence: the banner could not be loaded:', expect.anything()));
    expect(shownIn(failed.host)).toBe(false);
    served.script = BANNER_ENTRY;
    const next = createBannerHost(response, { onDismiss() {} });
    await vi.waitFor(() => expect(shownIn(next.host)).toBe(true));
    expect(getURL).toHaveBeenCalledTimes(2);
  });

  it('a script that registers no banner is an error, and is tried again', async () => {
    served.script = fileURLToPath(new URL('../../extension/content/banner-global.ts', import.meta.url));
    vi.resetModules();
    const { loadBanner } = await import('../../extension/content/load-banner.ts');
    await expect(loadBanner()).rejects.toThrow(/did not register/);
    served.script = BANNER_ENTRY;
    const module = await loadBanner();
    expect(module.renderBanner).toBeTypeOf('function');
    expect(module).toBe(global[BANNER_GLOBAL]);
    expect(getURL).toHaveBeenCalledTimes(2);
  });

  it('a banner removed before banner.js arrives is not rendered', async () => {
    const createBannerHost = await freshBannerHost();
    const gone = createBannerHost(response, { onDismiss() {} });
    gone.remove();
    const kept = createBannerHost(response, { onDismiss() {} });
    await vi.waitFor(() => expect(shownIn(kept.host)).toBe(true));
    expect(shownIn(gone.host)).toBe(false);
  });

  it.each(['chromium', 'firefox'] as const)('%s: banner.js is web-accessible to the webmail pages only, and no content script', (target) => {
    const manifest = buildManifest(target, '1');
    const scripts = manifest.content_scripts as { js: string[]; matches: string[] }[];
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['content/banner.js'], matches: scripts.flatMap((s) => s.matches) }]);
    expect(scripts.flatMap((s) => s.js)).not.toContain('content/banner.js');
  });
});
