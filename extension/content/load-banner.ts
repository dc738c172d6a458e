// The banner is not bundled into the content scripts: a frame's first banner imports content/banner.js (a
// web-accessible resource, for the webmail pages only) into this content-script world, where it registers
// its render function on a global. Tabs that never show a banner never load it.
import { browser } from '../lib/browser-api.ts';
import { BANNER_GLOBAL, BANNER_SCRIPT, type BannerModule } from './banner-global.ts';

let loading: Promise<BannerModule> | undefined;

/** The banner module when this frame already has it (later banners render at once). */
export function loadedBanner(): BannerModule | undefined {
  return (globalThis as Record<string, unknown>)[BANNER_GLOBAL] as BannerModule | undefined;
}

/** Loads the banner once per frame; a failed load is forgotten, so the next banner tries again. */
export function loadBanner(): Promise<BannerModule> {
  const loaded = loadedBanner();
  if (loaded) return Promise.resolve(loaded);
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL(BANNER_SCRIPT)).then(() => {
    const module = loadedBanner();
    if (!module) throw new Error(`${BANNER_SCRIPT} did not register the banner`);
    return module;
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
