// Puts the shared banner in an open shadow root on a <ringfence-banner> host just above a message body.
import { mountBanner } from '../../shared/browser/banner/mount-banner.tsx';
import type { PhoneVerdict } from '../../shared/types.ts';
import { translate } from '../lib/translate.ts';
import type { ScanResponse } from '../lib/messages.ts';

export const HOST_TAG = 'ringfence-banner';

export interface BannerActions {
  onReport?: () => Promise<void>;
  onReportMessage?: () => Promise<void>;
  onDismiss: () => void;
}

export interface BannerHost {
  host: HTMLElement;
  /** Removes the host and unmounts the banner (its listeners and state go with it). */
  remove(): void;
}

export function createBannerHost(response: ScanResponse, actions: BannerActions): BannerHost {
  const host = document.createElement(HOST_TAG);
  host.setAttribute('data-level', response.verdict.level);
  const shadow = host.attachShadow({ mode: 'open' });
  const unmount = mountBanner(shadow, {
    verdict: response.verdict,
    translate,
    formatNumber: (p: PhoneVerdict) => response.formatted[p.e164] ?? p.raw,
    ...(actions.onReport ? { onReport: actions.onReport } : {}),
    ...(actions.onReportMessage ? { onReportMessage: actions.onReportMessage } : {}),
    onDismiss: () => {
      host.remove();
      actions.onDismiss();
    },
  });
  return {
    host,
    remove() {
      host.remove();
      unmount();
    },
  };
}

/** Inserts (or re-inserts, after the webmail re-rendered) the host just above the body. */
export function placeAbove(host: Element, body: Element): void {
  if (host.nextElementSibling === body && host.isConnected) return;
  body.before(host);
}
