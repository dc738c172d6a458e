// The task pane's controller: policy → outbox → feeds → read and judge the open item → render and notify.
// When pinned it judges again on every ItemChanged; a slower, older scan never overwrites a newer one.
import type { Outbox } from '../../shared/browser/outbox.ts';
import { buildReportPayload } from '../../shared/report/build-report-payload.ts';
import { fillAttachmentText, fillOcrText, type AttachmentTextExtractor, type OcrRecogniser } from '../../shared/mime/attachment-text.ts';
import type { MailMessage, ReputationLookup, ScanContext, Verdict } from '../../shared/types.ts';
import { policyUnavailable, type HostedPolicy } from '../policy/load-hosted-policy.ts';
import type { OfficeLike } from '../outlook/office-like.ts';
import { readMessage, NoItemError, NotAMessageError, type ParseEml } from '../outlook/read-message.ts';
import { notificationFor } from '../outlook/notification-text.ts';
import { showVerdictNotification } from '../outlook/show-notification.ts';
import { watchItemChanges } from '../outlook/watch-item-changes.ts';
import { roamingParkedSource } from '../report/parked-reports.ts';
import type { ParkedStore } from '../report/parked-store.ts';
import { releaseParkedReports } from '../report/release-parked.ts';
import { newId } from '../report/new-id.ts';
import { withReportToken } from '../../shared/report/with-report-token.ts';
import type { FeedSummary, PaneContext, PaneState } from './pane-state.ts';
import { sendersOncePerMessage, type OncePerMessageSenders } from '../../shared/browser/senders-once.ts';
import { errorDetail, note } from '../../shared/i18n/note.ts';

export interface PaneFeeds {
  lookup: ReputationLookup;
  /** Conditional GET of every feed the policy names; true when any copy changed. */
  sync(policy: HostedPolicy['policy']): Promise<boolean>;
  summary(): Promise<FeedSummary[]>;
}

export interface PaneActions {
  /** "Report this number": queue in the outbox, then try to send ('sent', else 'queued'). Rejects only if the report cannot be saved. */
  reportNumbers(verdict: Verdict, message: MailMessage): Promise<'sent' | 'queued'>;
}

export interface PaneDeps {
  office: OfficeLike;
  loadPolicy: () => Promise<HostedPolicy>;
  parseEml: ParseEml;
  scan: (message: MailMessage, context: ScanContext) => Promise<Verdict>;
  /** Absent where feeds cannot be opened (the pane still judges numbers by their wording). */
  openFeeds?: (policy: HostedPolicy['policy']) => Promise<PaneFeeds>;
  openOutbox?: () => Promise<Outbox>;
  /** Reports the Report button saved while the policy could not be read (IndexedDB). */
  openParkedStore?: () => Promise<ParkedStore>;
  /** The device's familiar senders (IndexedDB); absent where it cannot be opened. Never sent anywhere. */
  openSenders?: () => Promise<OncePerMessageSenders>;
  /** Reads the text of PDF attachments (pdfjs in the pane), where the whole .eml was read. */
  attachmentText?: AttachmentTextExtractor;
  /** Reads pictures and image-only PDF pages (OCR web worker), where the whole .eml was read and policy allows. */
  ocr?: OcrRecogniser;
  render: (state: PaneState, context: PaneContext, actions: PaneActions, message?: MailMessage) => void;
  now: () => Date;
  version: string;
  fetchFn?: typeof fetch;
}

export interface RunningPane {
  rescan(): Promise<void>;
  /** Resolves when the first feed sync has finished (tests, diagnostics). */
  feedsSynced: Promise<void>;
  stop(): Promise<void>;
}

export async function runPane(deps: PaneDeps): Promise<RunningPane> {
  const context: PaneContext = { minimumBannerLevel: 'caution', policySource: 'defaults', policyProblems: [], feeds: [], canReport: false, pinnedUpdates: false, pendingReports: 0, parkedReports: 0 };
  let state: PaneState = { status: 'loading', step: note('paneStepPolicy') };
  let lastMessage: MailMessage | undefined;
  let outbox: Outbox | undefined;
  let feeds: PaneFeeds | undefined;
  let generation = 0;
  const fetchFn = deps.fetchFn ?? globalThis.fetch.bind(globalThis);

  const show = (next: PaneState, message?: MailMessage) => {
    state = next;
    lastMessage = message;
    deps.render(state, context, actions, lastMessage);
  };
  const refresh = () => deps.render(state, context, actions, lastMessage);

  let endpoint: string | undefined;
  let reportToken: string | undefined;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let stopped = false;
  const later = (ms: number, task: () => void) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      task();
    }, ms);
    timers.add(timer);
  };
  let retryScheduled = false;
  const flushOutbox = async () => {
    if (!outbox || !endpoint) return;
    const result = await outbox.flush(endpoint, withReportToken(fetchFn, reportToken));
    context.pendingReports = result.pending;
    // A pinned pane stays open for hours: retry waiting reports when they fall due.
    if (result.pending > 0 && result.nextAttempt !== undefined && !retryScheduled) {
      retryScheduled = true;
      later(Math.min(Math.max(result.nextAttempt - Date.now(), 5_000), 30 * 60_000), () => {
        retryScheduled = false;
        void flushOutbox().then(refresh, () => {});
      });
    }
  };

  const actions: PaneActions = {
    async reportNumbers(verdict, message) {
      if (!endpoint) throw new Error('No report endpoint is configured');
      const payload = buildReportPayload({
        id: newId(),
        kind: 'number',
        reportedAt: deps.now(),
        verdict,
        message,
        surface: 'outlook-addin',
        version: deps.version,
      });
      if (!outbox) throw new Error('The report outbox is not available');
      await outbox.enqueue(payload);
      await flushOutbox();
      refresh();
      return (await outbox.wasDelivered(payload.id)) ? 'sent' : 'queued';
    },
  };

  show(state);
  const hosted = await deps.loadPolicy();
  const policy = hosted.policy;
  context.policySource = hosted.source;
  context.policyProblems = hosted.problems;
  endpoint = policy.reportEndpoint;
  reportToken = policy.reportToken;
  context.minimumBannerLevel = policy.minimumBannerLevel;
  context.canReport = Boolean(endpoint);

  try {
    outbox = await deps.openOutbox?.();
  } catch (error) {
    context.policyProblems = [...context.policyProblems, note('paneProblemOutbox', undefined, errorDetail(error))];
  }
  // Reports parked by the Report button (endpoint or policy unreachable) go into the outbox once the policy
  // is known and names an endpoint; until then they are counted in the footer.
  const parkedStore = await deps.openParkedStore?.().catch((error: unknown) => {
    context.policyProblems = [...context.policyProblems, note('paneProblemParkedRead', undefined, errorDetail(error))];
    return undefined;
  });
  const parkedSources = [roamingParkedSource(deps.office), ...(parkedStore ? [parkedStore] : [])];
  try {
    const parked = await releaseParkedReports(policyUnavailable(hosted) ? {} : policy, parkedSources, outbox);
    context.parkedReports = parked.waiting;
  } catch (error) {
    context.policyProblems = [...context.policyProblems, note('paneProblemParkedQueue', undefined, errorDetail(error))];
  } finally {
    parkedStore?.close();
  }
  if (outbox) await flushOutbox();

  let sendersStore: Promise<OncePerMessageSenders | undefined> | undefined;
  const openSenders = () => (sendersStore ??= deps.openSenders?.().catch(() => undefined) ?? Promise.resolve(undefined));

  const rescan = async () => {
    const mine = ++generation;
    show({ status: 'loading', step: note('paneStepChecking') });
    try {
      const read = await readMessage(deps.office, { parseEml: deps.parseEml });
      if (deps.attachmentText) {
        if (mine !== generation) return;
        show({ status: 'loading', step: note('paneStepAttachments') });
        await fillAttachmentText(read.message, deps.attachmentText);
      }
      const senders = await openSenders();
      const once = senders ? sendersOncePerMessage(senders, read.message) : undefined;
      // Judges the message as read so far, shows it and updates the notification; false when a newer scan started.
      const present = async (): Promise<boolean> => {
        const verdict = await deps.scan(read.message, {
          policy, now: deps.now(), ...(feeds ? { reputation: feeds.lookup } : {}), ...(once ? { senders: once } : {}),
        });
        if (mine !== generation) return false;
        let notification: Extract<PaneState, { status: 'done' }>['notification'] = notificationFor(verdict, policy) ? 'shown' : verdict.level === 'none' ? 'removed' : 'below-minimum';
        const item = deps.office.context.mailbox.item;
        if (item) await showVerdictNotification(deps.office, item, verdict, policy).catch(() => (notification = 'failed'));
        if (mine !== generation) return false;
        show({ status: 'done', verdict, message: read.message, source: read.source, warnings: read.warnings, notification }, read.message);
        return true;
      };
      if (!(await present())) return;
      // The text verdict is on screen; pictures and image-only PDF pages are read (where the message calls for
      // it) in the OCR worker, and the verdict is updated when that found text.
      if (deps.ocr && policy.ocr !== false) {
        const outcome = await fillOcrText(read.message, deps.ocr, { defaultRegion: policy.defaultRegion, extraBrands: policy.extraBrands });
        if (mine !== generation || outcome.read.length === 0) return;
        await present();
      }
    } catch (error) {
      if (mine !== generation) return;
      if (error instanceof NoItemError) show({ status: 'error', title: note('paneNoItem'), explanation: note('paneNoItemHelp') });
      else if (error instanceof NotAMessageError) show({ status: 'error', title: note('paneNotAMessage'), explanation: note('paneNotAMessageHelp', undefined, error.itemType) });
      else show({ status: 'error', title: note('paneCouldNotCheck'), explanation: note('paneCouldNotCheckHelp', undefined, errorDetail(error)) });
    }
  };

  let feedsSynced: Promise<void> = Promise.resolve();
  if (deps.openFeeds) {
    try {
      feeds = await deps.openFeeds(policy);
      context.feeds = await feeds.summary();
    } catch (error) {
      context.policyProblems = [...context.policyProblems, note('paneProblemFeedsOpen', undefined, errorDetail(error))];
    }
  }

  const stopWatching = await watchItemChanges(deps.office, () => void rescan()).catch(() => null);
  context.pinnedUpdates = stopWatching !== null;

  await rescan();

  if (feeds) {
    const opened = feeds;
    const syncNow = (): Promise<void> =>
      opened
        .sync(policy)
        .then(async (changed) => {
          context.feeds = await opened.summary();
          if (changed) await rescan();
          else refresh();
        })
        .catch((error: unknown) => {
          context.feeds = context.feeds.map((f) => ({ ...f, lastError: errorDetail(error) }));
          refresh();
        })
        .finally(() => later(policy.updateIntervalMinutes * 60_000, () => void syncNow()));
    feedsSynced = syncNow();
  }

  return {
    rescan,
    feedsSynced,
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      generation++;
      await stopWatching?.();
      outbox?.close();
    },
  };
}
