// Where content/banner.js leaves the banner for the content script of its frame (both run in one world).
import type { renderBanner } from '../../shared/browser/banner/render-banner.tsx';

export const BANNER_GLOBAL = '__ringfenceBanner';
/** Built from banner-entry.ts; web-accessible on the webmail pages (extension/manifest.ts). */
export const BANNER_SCRIPT = 'content/banner.js';

export interface BannerModule {
  renderBanner: typeof renderBanner;
}
