// "The outbox is full": a report was refused rather than another dropped. The error's message starts with
// OUTBOX_FULL, so it is recognised after crossing from the extension's worker to a page as text.
export const OUTBOX_FULL = 'Outbox full';

export class OutboxFullError extends Error {
  constructor(max: number) {
    super(`${OUTBOX_FULL}: ${max} reports are waiting to be sent and the outbox is full; this report was not saved. Check the connection to the report endpoint.`);
    this.name = 'OutboxFullError';
  }
}

export function isOutboxFull(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith(OUTBOX_FULL);
}
