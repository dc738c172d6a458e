// Puts the verdict on the item's notification bar (Mailbox 1.3), replacing the previous one, or removes it.
import type { Policy, Verdict } from '../../shared/types.ts';
import { officeCall } from './office-async.ts';
import type { OfficeLike, ReadItem } from './office-like.ts';
import { NOTIFICATION_ICON, NOTIFICATION_KEY, notificationFor } from './notification-text.ts';
import { translatorFor } from '../../shared/i18n/catalogues.ts';

export async function showVerdictNotification(office: OfficeLike, item: ReadItem, verdict: Verdict, policy: Policy): Promise<void> {
  const notification = notificationFor(verdict, policy, translatorFor(office.context.displayLanguage));
  const messages = item.notificationMessages;
  if (!notification) {
    // Removing a key that is not there fails with "KeyNotFound"; that is the state we want.
    await officeCall<void>(office, 'notificationMessages.removeAsync', (cb) => messages.removeAsync(NOTIFICATION_KEY, cb)).catch(() => {});
    return;
  }
  const details: Office.NotificationMessageDetails =
    notification.kind === 'error'
      ? { type: office.MailboxEnums.ItemNotificationMessageType.ErrorMessage as Office.MailboxEnums.ItemNotificationMessageType, message: notification.message }
      : {
          type: office.MailboxEnums.ItemNotificationMessageType.InformationalMessage as Office.MailboxEnums.ItemNotificationMessageType,
          message: notification.message,
          icon: NOTIFICATION_ICON,
          persistent: false,
        };
  await officeCall<void>(office, 'notificationMessages.replaceAsync', (cb) => messages.replaceAsync(NOTIFICATION_KEY, details, cb));
}
