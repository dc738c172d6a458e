import { render } from 'preact';
import { Banner, type BannerProps } from './banner.tsx';
import { BANNER_CSS } from './banner-styles.ts';

/** Renders the banner and its styles into a shadow root (or any container); returns an unmount function. */
export function mountBanner(root: ShadowRoot | Element, props: BannerProps): () => void {
  render(
    <>
      <style>{BANNER_CSS}</style>
      <Banner {...props} />
    </>,
    root,
  );
  return () => render(null, root);
}
