// The options for event.completed: where the reported message goes and the dialog the reader sees after.
import type { ReportMove } from '../policy/report-move.ts';

/**
 * delivered / queued: the report is safe (sent, or in the outbox with everything it needs); the message moves.
 * parked: saved without the .eml the report mailbox needs; policy-unavailable: saved while the policy could
 * not be read; failed: nothing could be done. In these three the message stays where it is.
 * not-configured: the policy was read and names no report endpoint.
 */
export type DeliveryOutcome = 'delivered' | 'queued' | 'parked' | 'policy-unavailable' | 'not-configured' | 'failed';

/** Outcomes after which the reported message is left where it is. */
const KEEP_IN_PLACE: ReadonlySet<DeliveryOutcome> = new Set(['parked', 'policy-unavailable', 'failed']);

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
  parked: {
    title: 'Report saved',
    description: 'Thank you. Ringfence could not reach your security team just now and will send the report when it can. The message was left where it is, because your security team needs a copy of it.',
  },
  'policy-unavailable': {
    title: 'Report saved',
    description: 'Thank you. Ringfence could not read your organisation’s settings just now, so it saved the report and will send it when it can. The message was left where it is.',
  },
  'not-configured': { title: 'Not sent', description: 'Your organisation has not set up where reports go, so nothing was sent. Please tell your IT team about this message.' },
  failed: { title: 'Report failed', description: 'Ringfence could not process this message. It was left where it is. Please tell your IT team about it.' },
};

export function completionOptions(outcome: DeliveryOutcome, move: ReportMove): Office.SpamReportingEventCompletedOptions {
  // Until the report is safe the message stays in place (onErrorDeleteItem false too): nothing is lost.
  const to = KEEP_IN_PLACE.has(outcome) ? 'none' : move.to;
  const options: Office.SpamReportingEventCompletedOptions = {
    onErrorDeleteItem: false,
    moveItemTo: MOVE_ITEM_TO[to] as Office.MailboxEnums.MoveSpamItemTo,
    postProcessingAction: POST_PROCESSING_ACTION[to],
    showPostProcessingDialog: DIALOG[outcome],
  };
  if (to === 'folder' && move.to === 'folder') options.folderName = move.folderName;
  return options;
}
