// The extension's banner, mounted in a shadow root exactly as in webmail.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { mountBanner, type BannerProps } from '../../shared/browser/banner/index.ts';

export function ShadowBanner(props: BannerProps) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    mountBanner(root, props);
  });
  useLayoutEffect(() => () => {
    const root = host.current?.shadowRoot;
    if (root) mountBanner(root, { ...props, verdict: { level: 'none', reasons: [], phones: [], brands: [] } });
  }, []);
  return <div class="banner-host" ref={host} />;
}
