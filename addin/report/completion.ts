// The options for event.completed: where the reported message goes and the dialog the reader sees after.
import type { ReportMove } from '../policy/report-move.ts';

export type DeliveryOutcome = 'delivered' | 'queued' | 'not-configured' | 'failed';

const MOVE_ITEM_TO: Record<ReportMove['to'], string> = {
  junk: 'junkFolder',
  deleted: 'deletedItemsFolder',
  none: 'noMove',
  folder: 'customFolder',
};

/** Older classic Outlook on Windows reads postProcessingAction; everything newer reads moveItemTo. */
const POST_PROCESSING_ACTION: Record<ReportMove['to'], string> = {
  junk: 'moveToSpamFolder',
  deleted: 'delete',
  none: 'noMove',
  folder: 'moveToCustomFolder',
};

const DIALOG: Record<DeliveryOutcome, { title: string; description: string }> = {
  delivered: { title: 'Reported', description: 'Thank you. Your security team has the phone numbers and warning signs from this message.' },
  queued: { title: 'Report saved', description: 'Thank you. Ringfence could not reach your security team just now and will send the report when it can.' },
  'not-configured': { title: 'Not sent', description: 'Your organisation has not set up where reports go, so nothing was sent. Please tell your IT team about this message.' },
  failed: { title: 'Report failed', description: 'Ringfence could not process this message. It was left where it is. Please tell your IT team about it.' },
};

export function completionOptions(outcome: DeliveryOutcome, move: ReportMove): Office.SpamReportingEventCompletedOptions {
  // A failed report leaves the message in place (onErrorDeleteItem false): nothing is lost.
  const to = outcome === 'failed' ? 'none' : move.to;
  const options: Office.SpamReportingEventCompletedOptions = {
    onErrorDeleteItem: false,
    moveItemTo: MOVE_ITEM_TO[to] as Office.MailboxEnums.MoveSpamItemTo,
    postProcessingAction: POST_PROCESSING_ACTION[to],
    showPostProcessingDialog: DIALOG[outcome],
  };
  if (to === 'folder' && move.to === 'folder') options.folderName = move.folderName;
  return options;
}
