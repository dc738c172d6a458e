// What the popup and the options page show: feeds, waiting reports, policy problems.
import type { FeedStatus } from '../../shared/feed/types.ts';
import type { Policy } from '../../shared/types.ts';
import type { Note } from '../../shared/i18n/note.ts';
import type { ReportKind } from '../../shared/report/report-payload.ts';
import { getPolicy } from './policy.ts';
import { getOutbox } from './outbox-runner.ts';
import { listFeedStatus } from './stores.ts';

export interface ExtensionStatus {
  feeds: FeedStatus[];
  pendingReports: { id: string; attempts: number; lastError?: string; nextAttempt: number; kind: ReportKind; numbers: string[]; subject: string }[];
  reportEndpoint?: string;
  /** Keys the admin policy sets: the options page shows them as fixed. */
  managedKeys: (keyof Policy)[];
  user: Policy;
  /** Settings that could not be used: the organisation's (locked) and the user's own. */
  policyProblems: { admin: Note[]; user: Note[] };
}

export async function readStatus(): Promise<ExtensionStatus> {
  const [{ effective, managedKeys, user, problems }, outbox] = await Promise.all([getPolicy(), getOutbox()]);
  const pending = await outbox.pending();
  return {
    feeds: await listFeedStatus(),
    pendingReports: pending.map((e) => ({
      id: e.id,
      attempts: e.attempts,
      nextAttempt: e.nextAttempt,
      kind: e.payload.kind,
      numbers: e.payload.numbers,
      subject: e.payload.message.subject,
      ...(e.lastError ? { lastError: e.lastError } : {}),
    })),
    ...(effective.reportEndpoint ? { reportEndpoint: effective.reportEndpoint } : {}),
    managedKeys,
    user,
    policyProblems: problems,
  };
}
