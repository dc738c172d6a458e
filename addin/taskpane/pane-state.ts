import type { Level, MailMessage, Verdict } from '../../shared/types.ts';

export interface FeedSummary {
  name: string;
  entryCount: number;
  lastSuccess?: string;
  lastError?: string;
}

export type PaneState =
  /** `stepKey` / `titleKey`: the catalogue key the pane shows in the reader's language (the text is the English). */
  | { status: 'loading'; step: string; stepKey?: string }
  | { status: 'error'; title: string; detail: string; titleKey?: string }
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
