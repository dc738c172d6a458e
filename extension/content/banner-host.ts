// Puts the shared banner in an open shadow root on a <ringfence-banner> host just above a message body.
// The banner itself (Preact and its styles) comes with the frame's first banner: see load-banner.ts.
import { loadBanner, loadedBanner } from './load-banner.ts';
import type { BannerModule } from './banner-global.ts';
import type { PhoneVerdict, Reason } from '../../shared/types.ts';
import { translator } from '../lib/translate.ts';
import type { ReportResponse, ScanResponse } from '../lib/messages.ts';
import type { ReportOutcome } from '../../shared/browser/banner/banner-messages.ts';

export const HOST_TAG = 'ringfence-banner';

export interface BannerActions {
  onReport?: () => Promise<ReportResponse | void>;
  onReportMessage?: () => Promise<ReportResponse | void>;
  /** The reader hid the warning: remember it for the message (the banner stays as a chip). */
  onDismiss: () => void;
  /** The reader brought it back from the chip. */
  onShow?: () => void;
  /** Start as the chip: the reader hid this message's warning earlier. */
  dismissed?: boolean;
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
  let removed = false;
  let unmount: (() => void) | undefined;
  const render = ({ renderBanner }: BannerModule) => {
    if (removed) return;
    unmount = renderBanner(shadow, {
      verdict: response.verdict,
      translator,
      formatNumber: (p: PhoneVerdict) => response.formatted[p.e164] ?? p.raw,
      describeReason: (reason: Reason, facts: boolean) => writtenReason(response, reason, facts),
      ...(actions.onReport ? { onReport: outcomeOf(actions.onReport) } : {}),
      ...(actions.onReportMessage ? { onReportMessage: outcomeOf(actions.onReportMessage) } : {}),
      onDismiss: () => {
        focusMessage(host);
        actions.onDismiss();
      },
      ...(actions.onShow ? { onShow: actions.onShow } : {}),
      ...(actions.dismissed ? { dismissed: true } : {}),
    });
  };
  const loaded = loadedBanner();
  if (loaded) render(loaded);
  else loadBanner().then(render, (error: unknown) => console.warn('Ringfence: the banner could not be loaded:', error));
  return {
    host,
    remove() {
      removed = true;
      host.remove();
      unmount?.();
    },
  };
}

/** The worker's sentence for a reason (the page holds no sentence registry); the core's own message without one. */
function writtenReason(response: ScanResponse, reason: Reason, facts: boolean): string {
  const texts = facts ? response.reasonTexts?.details : response.reasonTexts?.compact;
  return texts?.[response.verdict.reasons.indexOf(reason)] || reason.message;
}

/** "Sent" once the endpoint took the report, "queued" while it waits in the outbox. */
function outcomeOf(report: () => Promise<ReportResponse | void>): () => Promise<ReportOutcome> {
  return async () => ((await report())?.delivered === false ? 'queued' : 'sent');
}

/** After the warning is hidden, focus goes to the message it sits above, not to the top of the page. */
function focusMessage(host: HTMLElement): void {
  const body = host.nextElementSibling;
  if (!(body instanceof HTMLElement)) return;
  if (!body.hasAttribute('tabindex')) body.setAttribute('tabindex', '-1');
  body.focus({ preventScroll: true });
}

/** Inserts (or re-inserts, after the webmail re-rendered) the host just above the body. */
export function placeAbove(host: Element, body: Element): void {
  if (host.nextElementSibling === body && host.isConnected) return;
  body.before(host);
}
