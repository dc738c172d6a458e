// The options for event.completed: where the reported message goes and the dialog the reader sees after.
import type { ReportMove } from '../policy/report-move.ts';
import type { Translate } from '../../shared/i18n/translator.ts';

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

/** Catalogue keys of the dialog's title and text for each outcome. */
const DIALOG: Record<DeliveryOutcome, { title: string; description: string }> = {
  delivered: { title: 'reportDialogDeliveredTitle', description: 'reportDialogDelivered' },
  queued: { title: 'reportDialogSavedTitle', description: 'reportDialogQueued' },
  parked: { title: 'reportDialogSavedTitle', description: 'reportDialogParked' },
  'policy-unavailable': { title: 'reportDialogSavedTitle', description: 'reportDialogPolicyUnavailable' },
  'not-configured': { title: 'reportDialogNotConfiguredTitle', description: 'reportDialogNotConfigured' },
  failed: { title: 'reportDialogFailedTitle', description: 'reportDialogFailed' },
};

/** `t`: the catalogue in Outlook's display language. */
export function completionOptions(outcome: DeliveryOutcome, move: ReportMove, t: Translate): Office.SpamReportingEventCompletedOptions {
  // Until the report is safe the message stays in place (onErrorDeleteItem false too): nothing is lost.
  const to = KEEP_IN_PLACE.has(outcome) ? 'none' : move.to;
  const options: Office.SpamReportingEventCompletedOptions = {
    onErrorDeleteItem: false,
    moveItemTo: MOVE_ITEM_TO[to] as Office.MailboxEnums.MoveSpamItemTo,
    postProcessingAction: POST_PROCESSING_ACTION[to],
    showPostProcessingDialog: { title: t(DIALOG[outcome].title), description: t(DIALOG[outcome].description) },
  };
  if (to === 'folder' && move.to === 'folder') options.folderName = move.folderName;
  return options;
}
