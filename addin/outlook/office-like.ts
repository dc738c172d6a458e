// The slice of office.js the add-in uses, typed from @types/office-js, so tests can hand in a typed fake.

export type ReadItem = Pick<
  Office.MessageRead,
  | 'itemType'
  | 'subject'
  | 'from'
  | 'sender'
  | 'to'
  | 'dateTimeCreated'
  | 'internetMessageId'
  | 'attachments'
  | 'getAllInternetHeadersAsync'
  | 'getAttachmentContentAsync'
  | 'getAsFileAsync'
> & {
  body: Pick<Office.Body, 'getAsync'>;
  notificationMessages: Pick<Office.NotificationMessages, 'replaceAsync' | 'removeAsync'>;
};

export interface MailboxLike {
  /** Null or undefined when nothing is selected (a pinned pane between selections, several items selected). */
  item: ReadItem | null | undefined;
  addHandlerAsync(eventType: Office.EventType | string, handler: (event?: unknown) => void, callback?: (result: Office.AsyncResult<void>) => void): void;
  removeHandlerAsync?(eventType: Office.EventType | string, callback?: (result: Office.AsyncResult<void>) => void): void;
  roamingSettings?: Pick<Office.RoamingSettings, 'get' | 'set' | 'remove' | 'saveAsync'>;
}

/** What the adapter needs of the global `Office`: enums and `context`. */
export interface OfficeLike {
  AsyncResultStatus: { Succeeded: unknown; Failed: unknown };
  CoercionType: { Html: unknown; Text: unknown };
  EventType: { ItemChanged: unknown };
  MailboxEnums: {
    ItemType: { Message: unknown };
    ItemNotificationMessageType: { ErrorMessage: unknown; InformationalMessage: unknown };
  };
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    mailbox: MailboxLike;
    /** Outlook's UI language (e.g. "de-DE"): the pane and its notification speak it. */
    displayLanguage?: string;
  };
}

export function supports(office: OfficeLike, version: string): boolean {
  try {
    return office.context.requirements.isSetSupported('Mailbox', version);
  } catch {
    return false;
  }
}
