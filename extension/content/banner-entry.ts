// content/banner.js: the banner (Preact, its components and styles), injected by the worker into a webmail
// frame's content-script world when that frame shows its first banner (extension/content/load-banner.ts).
import { renderBanner } from '../../shared/browser/banner/render-banner.tsx';
import { BANNER_GLOBAL, type BannerModule } from './banner-global.ts';

const module: BannerModule = { renderBanner };
(globalThis as Record<string, unknown>)[BANNER_GLOBAL] = module;
