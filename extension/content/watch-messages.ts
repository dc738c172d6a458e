// Watches a webmail page for opened messages and shows one banner per message, just above its body.
// Each message is judged once (by key when the page gives one), in the background worker, off the page,
// a few at a time, those on screen first. State is kept only for messages in the DOM: a message that leaves
// it drops its banner and listener, and its judgement unless the verdict is ready to be shown again.
import { ask } from '../lib/background-client.ts';
import type { ReportResponse } from '../lib/messages.ts';
import type { ReportKind } from '../../shared/report/report-payload.ts';
import type { OpenedMessage, WebmailProvider } from './registry.ts';
import { createBannerHost, placeAbove, type BannerHost } from './banner-host.ts';
import { MessageJudgement, type Judged } from './judge-message.ts';
import { JudgeQueue } from './judge-queue.ts';
import { dismissedMessages } from './dismissed-messages.ts';

/** How long mutations are gathered before the page is looked at again. */
const SETTLE_MS = 20;
/** Judgements reading the page at once (each holds its place only for its DOM read; header fetches have their own cap). */
const CONCURRENCY = 6;
/** How long a new message waits to learn whether it is on screen before being judged anyway. */
const VISIBILITY_WAIT_MS = 50;
/** Finished verdicts kept for messages no longer on the page, so that going back to one is instant. */
const KEPT_VERDICTS = 16;

export interface MessageWatch {
  /** Forgets every verdict and judges the open messages again (the policy or a feed changed). */
  rejudge(): void;
}

/** One message body in the DOM. */
interface OnPage {
  opened: OpenedMessage;
  judgement?: MessageJudgement;
  unsubscribe?: () => void;
  banner?: BannerHost;
}

export function watchMessages(provider: WebmailProvider, signal: AbortSignal): MessageWatch {
  const onPage = new Map<Element, OnPage>();
  const judgements = new Map<string, MessageJudgement>();
  // Hidden warnings (by message key), kept by the worker across page reloads: a re-opened message shows the chip.
  const dismissed = dismissedMessages(provider.id);
  const queue = new JudgeQueue<MessageJudgement>({ concurrency: CONCURRENCY, visibilityWaitMs: VISIBILITY_WAIT_MS });
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    timer = undefined;
    if (signal.aborted) return;
    // The extension was updated or removed: this copy of the script can no longer reach its worker.
    if (!isExtensionAlive()) {
      observer.disconnect();
      queue.close();
      return;
    }
    for (const opened of provider.findOpenedMessages(document)) {
      const entry = onPage.get(opened.body);
      if (!entry) track(opened);
      // The webmail re-rendered around the body and dropped the banner: put it back.
      else if (entry.banner && !entry.banner.host.isConnected) placeAbove(entry.banner.host, opened.body);
    }
    for (const [body, entry] of onPage) if (!body.isConnected) forget(body, entry);
  };

  const track = (opened: OpenedMessage) => {
    const entry: OnPage = { opened };
    onPage.set(opened.body, entry);
    let judgement = opened.key ? judgements.get(opened.key) : undefined;
    if (judgement && !judgement.stale) {
      // A copy of a message already on the page (or just re-rendered): the newest element is the one shown.
      queue.retarget(judgement, opened.body);
    } else {
      const fresh = new MessageJudgement(provider, opened, signal);
      judgement = fresh;
      if (opened.key) judgements.set(opened.key, fresh);
      queue.add(fresh, opened.body, () => fresh.start());
    }
    entry.judgement = judgement;
    entry.unsubscribe = judgement.subscribe((judged) => show(entry, judged));
  };

  const forget = (body: Element, entry: OnPage) => {
    onPage.delete(body);
    entry.unsubscribe?.();
    entry.banner?.remove();
    const { judgement } = entry;
    const key = entry.opened.key;
    if (!judgement || judgement.subscribers > 0) return;
    if (judgement.settled && !judgement.stale && key) {
      // Kept (most recent last) so that a quick return to the message shows its banner at once.
      judgements.delete(key);
      judgements.set(key, judgement);
      dropOldVerdicts();
      return;
    }
    judgement.cancel();
    queue.remove(judgement);
    if (key && judgements.get(key) === judgement) judgements.delete(key);
  };

  const dropOldVerdicts = () => {
    let unused = 0;
    for (const judgement of judgements.values()) if (judgement.subscribers === 0) unused++;
    for (const [key, judgement] of judgements) {
      if (unused <= KEPT_VERDICTS) break;
      if (judgement.subscribers > 0) continue;
      judgements.delete(key);
      unused--;
    }
  };

  const show = (entry: OnPage, judged: Judged) => {
    if (!dismissed.loaded) {
      void dismissed.ready.then(() => onPage.get(entry.opened.body) === entry && show(entry, judged));
      return;
    }
    const { opened, judgement } = entry;
    entry.banner?.remove();
    entry.banner = undefined;
    if (!judged.response.show || signal.aborted || !opened.body.isConnected) return;
    const { response } = judged;
    // Only the message's identity goes with a report; the payload itself is built in the worker.
    const report = (kind: ReportKind) => async () => {
      const { message } = judgement?.latest ?? judged;
      return ask<ReportResponse>({
        type: 'report',
        surface: provider.id,
        kind,
        verdict: response.verdict,
        message: { subject: message.subject, from: message.from, date: message.date, messageId: message.messageId },
      });
    };
    entry.banner = createBannerHost(response, {
      ...(response.canReport ? { onReport: report('number'), onReportMessage: report('message') } : {}),
      onDismiss: () => {
        if (opened.key) dismissed.hide(opened.key);
      },
      onShow: () => {
        if (opened.key) dismissed.show(opened.key);
      },
      dismissed: Boolean(opened.key && dismissed.has(opened.key)),
    });
    placeAbove(entry.banner.host, opened.body);
  };

  const observer = new MutationObserver(() => {
    timer ??= setTimeout(check, SETTLE_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    queue.close();
    if (timer) clearTimeout(timer);
  });
  check();
  return {
    rejudge() {
      for (const entry of onPage.values()) {
        entry.unsubscribe?.();
        entry.banner?.remove();
      }
      for (const judgement of judgements.values()) judgement.cancel();
      for (const entry of onPage.values()) entry.judgement?.cancel();
      onPage.clear();
      judgements.clear();
      queue.clear();
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
