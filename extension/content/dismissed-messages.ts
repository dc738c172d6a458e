// The content script's copy of the messages whose warning the reader hid: read once per page from the
// background (extension storage, so it survives a page reload), kept in memory, changes written through.
import { ask } from '../lib/background-client.ts';
import type { BackgroundRequest } from '../lib/messages.ts';

/** How long the first banner waits for the list before showing as if nothing was hidden. */
const LOAD_WAIT_MS = 1_000;

export interface DismissedMessages {
  /** False until the stored list was read (or could not be). */
  readonly loaded: boolean;
  readonly ready: Promise<void>;
  has(key: string): boolean;
  hide(key: string): void;
  show(key: string): void;
}

type Ask = (request: BackgroundRequest) => Promise<unknown>;

/** `surface` keeps one webmail's message ids apart from another's. */
export function dismissedMessages(surface: string, send: Ask = ask): DismissedMessages {
  const keys = new Set<string>();
  const id = (key: string) => `${surface}:${key}`;
  let loaded = false;
  const ready = Promise.race([
    send({ type: 'dismissed-list' }).then((stored) => {
      if (Array.isArray(stored)) for (const key of stored) if (typeof key === 'string') keys.add(key);
    }),
    new Promise<void>((resolve) => setTimeout(resolve, LOAD_WAIT_MS)),
  ])
    .catch(() => {})
    .finally(() => (loaded = true));
  const save = (key: string, hidden: boolean) => {
    void send({ type: 'dismissed-set', key: id(key), hidden }).catch(() => {});
  };
  return {
    get loaded() {
      return loaded;
    },
    ready,
    has: (key) => keys.has(id(key)),
    hide(key) {
      keys.add(id(key));
      save(key, true);
    },
    show(key) {
      keys.delete(id(key));
      save(key, false);
    },
  };
}
