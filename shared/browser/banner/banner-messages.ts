// Keys of the banner's text. Surfaces supply a `translate` function (the extension reads `_locales`).
export type BannerMessageKey =
  | 'bannerLevelDanger'
  | 'bannerLevelWarning'
  | 'bannerLevelCaution'
  | 'bannerTitleDanger'
  | 'bannerTitleWarning'
  | 'bannerTitleCaution'
  | 'bannerAdvice'
  | 'bannerNumbersLabel'
  | 'bannerNumberOnFeed'
  | 'bannerNumberInBlock'
  | 'bannerDetails'
  | 'bannerHideDetails'
  | 'bannerReportNumber'
  | 'bannerReportNumbers'
  | 'bannerReportMessage'
  | 'bannerReporting'
  | 'bannerReported'
  | 'bannerReportFailed'
  | 'bannerReportOutboxFull'
  | 'bannerDismiss'
  | 'bannerEvidence';

/** Looks up a message; `$1`-style placeholders are filled from `substitutions`. */
export type Translate = (key: BannerMessageKey, substitutions?: string[]) => string;
