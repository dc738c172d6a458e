// What the pane shows. Every text for the reader is a catalogue key (a Note), rendered in Outlook's display
// language; only technical details (platform and server errors, policy lines) stay as they came.
import type { Level, MailMessage, Verdict } from '../../shared/types.ts';
import type { Note } from '../../shared/i18n/note.ts';

export interface FeedSummary {
  name: string;
  entryCount: number;
  lastSuccess?: string;
  lastError?: string;
  /** Why the last update failed, in the reader's words. */
  lastProblem?: Note;
}

export type PaneState =
  | { status: 'loading'; step: Note }
  /** `title` in a heading, `explanation` below it with its technical detail. */
  | { status: 'error'; title: Note; explanation: Note }
  | {
      status: 'done';
      verdict: Verdict;
      message: Pick<MailMessage, 'subject' | 'from' | 'date'>;
      source: 'eml' | 'item';
      warnings: Note[];
      notification: 'shown' | 'removed' | 'below-minimum' | 'failed';
    };

export interface PaneContext {
  /** The policy's minimumBannerLevel: below it the pane lists the findings without the warning banner. */
  minimumBannerLevel: Level;
  policySource: 'hosted' | 'cached' | 'defaults';
  policyProblems: Note[];
  feeds: FeedSummary[];
  canReport: boolean;
  pinnedUpdates: boolean;
  /** Reports waiting in the outbox. */
  pendingReports: number;
  /** Reports saved by the Report button that wait for a policy naming a report endpoint. */
  parkedReports: number;
}
