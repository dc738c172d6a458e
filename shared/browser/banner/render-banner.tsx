import { render } from 'preact';
import { Banner, type BannerProps, type DescribeReason } from './banner.tsx';
import { BANNER_CSS } from './banner-styles.ts';

/**
 * Renders the banner and its styles into a shadow root (or any container) with the reasons' sentences from
 * `describeReason`; returns an unmount function. mountBanner (mount-banner.tsx) writes the sentences itself.
 */
export function renderBanner(root: ShadowRoot | Element, props: BannerProps & { describeReason: DescribeReason }): () => void {
  render(
    <>
      <style>{BANNER_CSS}</style>
      {/* A new verdict is a new banner: details closed, announced once more. */}
      <Banner key={JSON.stringify([props.verdict.level, props.verdict.reasons.map((r) => r.code), props.verdict.phones.map((p) => p.e164)])} {...props} />
    </>,
    root,
  );
  return () => render(null, root);
}
