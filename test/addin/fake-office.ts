// A typed test double of the office.js Mailbox API subset Ringfence uses. Pure TypeScript with no Node or DOM
// dependency: the unit tests use it directly and the e2e test bundles it into the script that answers the
// CDN office.js request (see office-double-entry.ts).
import type { MailboxLike, OfficeLike, ReadItem } from '../../addin/outlook/office-like.ts';

export type FakeApi =
  | 'getAsFileAsync'
  | 'getAllInternetHeadersAsync'
  | 'body.getAsync'
  | 'notificationMessages.replaceAsync'
  | 'addHandlerAsync'
  | 'getAttachmentContentAsync'
  | 'roamingSettings.saveAsync';

export interface FakeMessage {
  itemType?: 'message' | 'appointment';
  subject: string;
  from: { displayName: string; emailAddress: string } | null;
  to: { displayName: string; emailAddress: string }[];
  dateTimeCreated: string;
  internetMessageId: string;
  /** Base64 .eml answered by getAsFileAsync. */
  emlBase64?: string;
  headers?: string;
  html?: string;
  text?: string;
  attachments?: { name: string; contentType: string; size: number; isInline?: boolean; id?: string; contentBase64?: string }[];
}

export interface FakeOfficeOptions {
  /** Highest Mailbox requirement set the fake client supports, e.g. "1.3", "1.8", "1.14". */
  mailboxVersion: string;
  message: FakeMessage | null;
  /** APIs that answer with a failed AsyncResult. */
  failing?: FakeApi[];
  /** APIs that never call back (a hung client). */
  silent?: FakeApi[];
  /** What the fake records, readable by the test. */
  log?: FakeLog;
}

export interface FakeLog {
  calls: string[];
  notifications: { key: string; details: Office.NotificationMessageDetails }[];
  removedNotifications: string[];
}

export function newFakeLog(): FakeLog {
  return { calls: [], notifications: [], removedNotifications: [] };
}

const STATUS = { Succeeded: 'succeeded', Failed: 'failed' } as const;

export interface FakeOffice extends OfficeLike {
  log: FakeLog;
  /** Switches to another item (or none) and fires ItemChanged, as a pinned pane sees it. */
  selectItem(message: FakeMessage | null): void;
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  actions: { associate(name: string, fn: (event: unknown) => void): void; registered: Map<string, (event: unknown) => void> };
  MailboxEnums: OfficeLike['MailboxEnums'] & { MoveSpamItemTo: Record<string, string> };
}

export function createFakeOffice(options: FakeOfficeOptions): FakeOffice {
  const log = options.log ?? newFakeLog();
  const failing = new Set(options.failing ?? []);
  const silent = new Set(options.silent ?? []);
  const handlers: (() => void)[] = [];
  const settings = new Map<string, unknown>();
  const registered = new Map<string, (event: unknown) => void>();

  function answer<T>(api: FakeApi | string, value: T, callback?: (result: Office.AsyncResult<T>) => void): void {
    log.calls.push(api);
    const failed = failing.has(api as FakeApi);
    const result = {
      status: failed ? STATUS.Failed : STATUS.Succeeded,
      value: failed ? (undefined as T) : value,
      error: failed ? { name: 'GenericResponseError', message: `${api} failed in the fake`, code: 9020 } : undefined,
      asyncContext: undefined,
      diagnostics: undefined,
    } as unknown as Office.AsyncResult<T>;
    if (silent.has(api as FakeApi)) return;
    // office.js answers asynchronously; so does the fake.
    setTimeout(() => callback?.(result), 0);
  }

  function makeItem(message: FakeMessage): ReadItem {
    const item = {
      itemType: message.itemType ?? 'message',
      subject: message.subject,
      from: message.from,
      sender: message.from,
      to: message.to,
      dateTimeCreated: new Date(message.dateTimeCreated),
      internetMessageId: message.internetMessageId,
      attachments: (message.attachments ?? []).map((a, i) => ({ id: a.id ?? `att-${i}`, isInline: false, attachmentType: 'file', ...a })),
      body: {
        getAsync(coercion: unknown, ...rest: unknown[]) {
          const callback = rest[rest.length - 1] as (r: Office.AsyncResult<string>) => void;
          const content = coercion === 'html' ? (message.html ?? '') : (message.text ?? '');
          answer('body.getAsync', content, callback);
        },
      },
      notificationMessages: {
        replaceAsync(key: string, details: Office.NotificationMessageDetails, ...rest: unknown[]) {
          const callback = rest[rest.length - 1] as (r: Office.AsyncResult<void>) => void;
          if (!failing.has('notificationMessages.replaceAsync')) log.notifications.push({ key, details });
          answer('notificationMessages.replaceAsync', undefined, callback);
        },
        removeAsync(key: string, ...rest: unknown[]) {
          const callback = rest[rest.length - 1] as (r: Office.AsyncResult<void>) => void;
          log.removedNotifications.push(key);
          answer('notificationMessages.removeAsync', undefined, callback);
        },
      },
    } as Record<string, unknown>;
    if (atLeast(options.mailboxVersion, '1.8')) {
      item.getAllInternetHeadersAsync = (...args: unknown[]) =>
        answer('getAllInternetHeadersAsync', message.headers ?? '', args[args.length - 1] as (r: Office.AsyncResult<string>) => void);
    }
    if (atLeast(options.mailboxVersion, '1.8')) {
      item.getAttachmentContentAsync = (id: string, ...args: unknown[]) => {
        const attachment = (message.attachments ?? []).find((a, i) => (a.id ?? `att-${i}`) === id);
        answer('getAttachmentContentAsync', { format: 'base64', content: attachment?.contentBase64 ?? '' }, args[args.length - 1] as (r: Office.AsyncResult<Office.AttachmentContent>) => void);
      };
    }
    if (atLeast(options.mailboxVersion, '1.14')) {
      item.getAsFileAsync = (...args: unknown[]) => {
        const callback = args[args.length - 1] as (r: Office.AsyncResult<string>) => void;
        const asyncContext = args.length > 1 ? (args[0] as { asyncContext?: unknown }).asyncContext : undefined;
        log.calls.push('getAsFileAsync');
        if (silent.has('getAsFileAsync')) return;
        const failed = failing.has('getAsFileAsync');
        setTimeout(
          () =>
            callback({
              status: failed ? STATUS.Failed : STATUS.Succeeded,
              value: failed ? undefined : (message.emlBase64 ?? ''),
              error: failed ? { name: 'GenericResponseError', message: 'getAsFileAsync failed in the fake', code: 9020 } : undefined,
              asyncContext,
            } as unknown as Office.AsyncResult<string>),
          0,
        );
      };
    }
    return item as unknown as ReadItem;
  }

  const mailbox: MailboxLike = {
    item: options.message ? makeItem(options.message) : null,
    addHandlerAsync(eventType, handler, callback) {
      if (eventType === 'olkItemSelectedChanged' && !failing.has('addHandlerAsync')) handlers.push(() => handler({ type: eventType }));
      answer('addHandlerAsync', undefined, callback);
    },
    removeHandlerAsync(_eventType, callback) {
      handlers.length = 0;
      answer('removeHandlerAsync', undefined, callback);
    },
    roamingSettings: {
      get: (name: string) => settings.get(name),
      set: (name: string, value: unknown) => void settings.set(name, value),
      remove: (name: string) => void settings.delete(name),
      saveAsync: ((...args: unknown[]) => answer('roamingSettings.saveAsync', undefined, args[args.length - 1] as (r: Office.AsyncResult<void>) => void)) as Office.RoamingSettings['saveAsync'],
    },
  };

  const office: FakeOffice = {
    log,
    AsyncResultStatus: STATUS,
    CoercionType: { Html: 'html', Text: 'text' },
    EventType: { ItemChanged: 'olkItemSelectedChanged' },
    MailboxEnums: {
      ItemType: { Message: 'message' },
      ItemNotificationMessageType: { ErrorMessage: 'errorMessage', InformationalMessage: 'informationalMessage' },
      MoveSpamItemTo: { CustomFolder: 'customFolder', DeletedItemsFolder: 'deletedItemsFolder', JunkFolder: 'junkFolder', NoMove: 'noMove' },
    },
    context: {
      requirements: {
        isSetSupported: (name, minVersion) => name.toLowerCase() === 'mailbox' && atLeast(options.mailboxVersion, minVersion ?? '1.1'),
      },
      mailbox,
    },
    selectItem(message) {
      mailbox.item = message ? makeItem(message) : null;
      for (const handler of [...handlers]) handler();
    },
    onReady(callback) {
      const info = { host: 'Outlook', platform: 'OfficeOnline' };
      return new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0),
      );
    },
    actions: {
      registered,
      associate(name, fn) {
        registered.set(name, fn);
      },
    },
  };
  return office;
}

/** Compares dotted versions: atLeast("1.14", "1.8") is true. */
function atLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
