import type { Level, MailMessage, Verdict } from '../../shared/types.ts';

export interface FeedSummary {
  name: string;
  entryCount: number;
  lastSuccess?: string;
  lastError?: string;
}

export type PaneState =
  | { status: 'loading'; step: string }
  | { status: 'error'; title: string; detail: string }
  | {
      status: 'done';
      verdict: Verdict;
      message: Pick<MailMessage, 'subject' | 'from' | 'date'>;
      source: 'eml' | 'item';
      warnings: string[];
      notification: 'shown' | 'removed' | 'below-minimum' | 'failed';
    };

export interface PaneContext {
  /** The policy's minimumBannerLevel: below it the pane lists the findings without the warning banner. */
  minimumBannerLevel: Level;
  policySource: 'hosted' | 'cached' | 'defaults';
  policyProblems: string[];
  feeds: FeedSummary[];
  canReport: boolean;
  pinnedUpdates: boolean;
  /** Reports waiting in the outbox. */
  pendingReports: number;
  /** Reports saved by the Report button that wait for a policy naming a report endpoint. */
  parkedReports: number;
}
