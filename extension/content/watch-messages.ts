// Watches a webmail page for opened messages and shows one banner per message, just above its body.
// Each message is judged once (by key when the page gives one), in the background worker, off the page.
import { ask } from '../lib/background-client.ts';
import type { ReportResponse } from '../lib/messages.ts';
import type { ReportKind } from '../../shared/report/report-payload.ts';
import type { OpenedMessage, WebmailProvider } from './registry.ts';
import { createBannerHost, placeAbove } from './banner-host.ts';
import { MessageJudgement, type Judged } from './judge-message.ts';

/** How long mutations are gathered before the page is looked at again. */
const SETTLE_MS = 20;

export interface MessageWatch {
  /** Forgets every verdict and judges the open messages again (the policy or a feed changed). */
  rejudge(): void;
}

export function watchMessages(provider: WebmailProvider, signal: AbortSignal): MessageWatch {
  let hosts = new WeakMap<Element, { host?: HTMLElement }>();
  const shown = new Set<HTMLElement>();
  const judgements = new Map<string, MessageJudgement>();
  const dismissed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    timer = undefined;
    if (signal.aborted) return;
    // The extension was updated or removed: this copy of the script can no longer reach its worker.
    if (!isExtensionAlive()) {
      observer.disconnect();
      return;
    }
    for (const opened of provider.findOpenedMessages(document)) {
      const seen = hosts.get(opened.body);
      if (seen) {
        // The webmail re-rendered around the body and dropped the banner: put it back.
        if (seen.host && !seen.host.isConnected) placeAbove(seen.host, opened.body);
        continue;
      }
      const slot: { host?: HTMLElement } = {};
      hosts.set(opened.body, slot);
      if (opened.key && dismissed.has(opened.key)) continue;
      let judgement = opened.key ? judgements.get(opened.key) : undefined;
      if (!judgement) {
        judgement = new MessageJudgement(provider, opened, signal);
        if (opened.key) judgements.set(opened.key, judgement);
      }
      judgement.subscribe((judged) => show(opened, slot, judged, judgement!));
    }
  };

  const show = (opened: OpenedMessage, slot: { host?: HTMLElement }, judged: Judged, judgement: MessageJudgement) => {
    if (slot.host) {
      slot.host.remove();
      shown.delete(slot.host);
    }
    slot.host = undefined;
    if (!judged.response.show || signal.aborted || !opened.body.isConnected) return;
    if (opened.key && dismissed.has(opened.key)) return;
    const { response } = judged;
    // Only the message's identity goes with a report; the payload itself is built in the worker.
    const report = (kind: ReportKind) => async () => {
      const { message } = judgement.latest ?? judged;
      await ask<ReportResponse>({
        type: 'report',
        surface: provider.id,
        kind,
        verdict: response.verdict,
        message: { subject: message.subject, from: message.from, date: message.date, messageId: message.messageId },
      });
    };
    slot.host = createBannerHost(response, {
      ...(response.canReport ? { onReport: report('number'), onReportMessage: report('message') } : {}),
      onDismiss: () => {
        if (opened.key) dismissed.add(opened.key);
        slot.host = undefined;
      },
    });
    placeAbove(slot.host, opened.body);
    shown.add(slot.host);
  };

  const observer = new MutationObserver(() => {
    timer ??= setTimeout(check, SETTLE_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer) clearTimeout(timer);
  });
  check();
  return {
    rejudge() {
      for (const host of shown) host.remove();
      shown.clear();
      judgements.clear();
      hosts = new WeakMap();
      check();
    },
  };
}

function isExtensionAlive(): boolean {
  try {
    return Boolean(globalThis.chrome?.runtime?.id ?? (globalThis as { browser?: { runtime?: { id?: string } } }).browser?.runtime?.id);
  } catch {
    return false;
  }
}
