// The Report button (ReportPhishingCommandSurface): read the message, judge it, send the report through the
// outbox, then complete the event with the move the policy asks for and a closing dialog. Completes exactly
// once, also on failure or when time runs out, so Outlook never waits on the add-in. When the policy cannot
// be read the report is parked (with the .eml, which the unknown policy may want) and the message stays put.
import type { MailMessage, ReputationLookup, ScanContext, Verdict } from '../../shared/types.ts';
import { policyUnavailable, type HostedPolicy } from '../policy/load-hosted-policy.ts';
import type { OfficeLike } from '../outlook/office-like.ts';
import { readMessage, type ParseEml } from '../outlook/read-message.ts';
import { completionOptions, type DeliveryOutcome } from './completion.ts';
import { translatorFor } from '../../shared/i18n/catalogues.ts';
import { deliverReport, type DeliveryEnv } from './deliver-report.ts';
import { buildMessageReport, type MessageReportPayload } from './message-report.ts';
import { roamingParkedSource } from './parked-reports.ts';
import { releaseParkedReports } from './release-parked.ts';

export interface SpamReportingEvent {
  type?: string;
  options?: boolean[];
  freeText?: string;
  completed(options?: Office.SpamReportingEventCompletedOptions): void;
}

export interface SpamReportDeps {
  parseEml: ParseEml;
  scan: (message: MailMessage, context: ScanContext) => Promise<Verdict>;
  loadPolicy: () => Promise<HostedPolicy>;
  /** Cached feeds, where this runtime can open them. */
  reputation?: (policy: HostedPolicy['policy']) => Promise<ReputationLookup | undefined>;
  delivery: DeliveryEnv;
  now: () => Date;
  newId: () => string;
  version: string;
  /** Longest the whole report may take before the event is completed anyway. */
  deadlineMs?: number;
  log?: (message: string) => void;
}

const EMPTY_VERDICT: Verdict = { level: 'none', reasons: [], phones: [], brands: [] };

export async function handleSpamReport(office: OfficeLike, event: SpamReportingEvent, deps: SpamReportDeps): Promise<DeliveryOutcome> {
  let completed = false;
  let move: HostedPolicy['reportMove'] = { to: 'junk' };
  const complete = (outcome: DeliveryOutcome) => {
    if (completed) return;
    completed = true;
    event.completed(completionOptions(outcome, move, translatorFor(office.context.displayLanguage).t));
  };
  const deadline = new Promise<DeliveryOutcome>((resolve) => setTimeout(() => resolve('failed'), deps.deadlineMs ?? 120_000));
  try {
    const outcome = await Promise.race([report(office, event, deps, (m) => (move = m)), deadline]);
    complete(outcome);
    return outcome;
  } catch (error) {
    deps.log?.(`Ringfence report failed: ${(error as Error).message ?? error}`);
    complete('failed');
    return 'failed';
  }
}

async function report(
  office: OfficeLike,
  event: SpamReportingEvent,
  deps: SpamReportDeps,
  setMove: (move: HostedPolicy['reportMove']) => void,
): Promise<DeliveryOutcome> {
  const hosted = await deps.loadPolicy();
  setMove(hosted.reportMove);
  const read = await readMessage(office, { parseEml: deps.parseEml });
  const now = deps.now();
  let verdict = EMPTY_VERDICT;
  try {
    const reputation = await deps.reputation?.(hosted.policy).catch(() => undefined);
    verdict = await deps.scan(read.message, { policy: hosted.policy, now, ...(reputation ? { reputation } : {}) });
  } catch (error) {
    // The reader's report matters even when the scan fails: send what the dialog says.
    deps.log?.(`Ringfence scan failed; reporting without findings: ${(error as Error).message ?? error}`);
  }
  const unavailable = policyUnavailable(hosted);
  const payload = buildMessageReport({
    id: deps.newId(),
    now,
    version: deps.version,
    message: read.message,
    verdict,
    dialog: { options: event.options, freeText: event.freeText },
    ...(read.eml ? { eml: read.eml } : {}),
    // Without the policy nobody knows whether a report mailbox wants the .eml: keep it (on this machine) until then.
    keepEml: unavailable || Boolean(hosted.policy.reportMailbox),
  });
  if (unavailable) {
    await parkUntilPolicy(payload, deps.delivery);
    return 'policy-unavailable';
  }
  const endpoint = hosted.policy.reportEndpoint;
  if (!endpoint) return 'not-configured';
  await releaseParked(office, hosted.policy, deps.delivery).catch((error: unknown) => deps.log?.(`Ringfence could not release parked reports: ${(error as Error).message ?? error}`));
  return deliverReport(payload, endpoint, deps.delivery, hosted.policy.reportToken);
}

/** Whole into IndexedDB where it works; else without the .eml into roaming settings. Throws if neither works. */
async function parkUntilPolicy(payload: MessageReportPayload, delivery: DeliveryEnv): Promise<void> {
  if (delivery.openParkedStore) {
    try {
      const store = await delivery.openParkedStore();
      try {
        return await store.put(payload);
      } finally {
        store.close();
      }
    } catch {
      // fall through to roaming settings
    }
  }
  await delivery.park(payload);
}

/** Reports parked earlier go into the outbox now that the policy names an endpoint; deliverReport's flush sends them. */
async function releaseParked(office: OfficeLike, policy: HostedPolicy['policy'], delivery: DeliveryEnv): Promise<void> {
  if (!delivery.openOutbox) return;
  const outbox = await delivery.openOutbox();
  const store = await delivery.openParkedStore?.();
  try {
    await releaseParkedReports(policy, [roamingParkedSource(office), ...(store ? [store] : [])], outbox);
  } finally {
    outbox.close();
    store?.close();
  }
}
