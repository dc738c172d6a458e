// A pinned task pane stays open while the reader moves between messages; Mailbox 1.5 tells it so.
import { officeCall } from './office-async.ts';
import { supports, type OfficeLike } from './office-like.ts';

/** Calls `onChange` on every ItemChanged; resolves to a function that stops listening, or null if unsupported. */
export async function watchItemChanges(office: OfficeLike, onChange: () => void): Promise<(() => Promise<void>) | null> {
  if (!supports(office, '1.5')) return null;
  const mailbox = office.context.mailbox;
  const type = office.EventType.ItemChanged as Office.EventType;
  await officeCall<void>(office, 'addHandlerAsync(ItemChanged)', (cb) => mailbox.addHandlerAsync(type, () => onChange(), cb));
  return async () => {
    if (!mailbox.removeHandlerAsync) return;
    await officeCall<void>(office, 'removeHandlerAsync(ItemChanged)', (cb) => mailbox.removeHandlerAsync!(type, cb)).catch(() => {});
  };
}
