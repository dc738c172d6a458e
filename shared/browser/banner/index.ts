export { Banner, numberStatus, reportablePhones, type BannerProps, type ReportState } from './banner.tsx';
export { mountBanner } from './mount-banner.tsx';
export { BANNER_CSS } from './banner-styles.ts';
export type { ReportOutcome, Translate, Translator } from './banner-messages.ts';
