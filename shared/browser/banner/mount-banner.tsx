import { reasonText } from '../../i18n/reason-text.ts';
import type { BannerProps } from './banner.tsx';
import { renderBanner } from './render-banner.tsx';

/** Renders the banner and its styles into a shadow root (or any container); returns an unmount function. */
export function mountBanner(root: ShadowRoot | Element, props: BannerProps): () => void {
  const { verdict, translator } = props;
  const describeReason = props.describeReason ?? ((reason, facts) => reasonText(reason, verdict, translator.t, translator.locale, { facts }));
  return renderBanner(root, { ...props, describeReason });
}
