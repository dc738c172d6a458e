// Messages whose warning the reader hid, so that a message opened again (after a page reload too) shows the
// chip, not the whole banner. Keys are the webmail's message ids: kept in the extension's storage.local,
// never sent anywhere. The newest KEPT_DISMISSALS, none older than DISMISSAL_DAYS; changes one at a time (every
// webmail tab writes here).
import browser from 'webextension-polyfill';

export const DISMISSED_KEY = 'dismissedMessages';
export const KEPT_DISMISSALS = 500;
export const DISMISSAL_DAYS = 30;
const MAX_KEY_LENGTH = 300;

/** [message key, when it was hidden (ms)], oldest first. */
export type Dismissals = [string, number][];

let writes: Promise<unknown> = Promise.resolve();

/** The keys hidden within the age limit. */
export async function dismissedKeys(now = Date.now()): Promise<string[]> {
  await writes;
  return pruneDismissals(await read(), now).map(([key]) => key);
}

/** Remembers (hidden) or forgets (shown again) one message's dismissal. */
export function setDismissed(key: unknown, hidden: boolean, now = Date.now()): Promise<void> {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) return Promise.reject(new Error('a message key is 1 to 300 characters'));
  const write = writes.then(async () => {
    const kept = (await read()).filter(([k]) => k !== key);
    if (hidden) kept.push([key, now]);
    await browser.storage.local.set({ [DISMISSED_KEY]: pruneDismissals(kept, now) });
  });
  writes = write.catch(() => {});
  return write;
}

/** Drops entries past the age limit (or from the future: a clock set back) and all but the newest KEPT_DISMISSALS. */
export function pruneDismissals(entries: Dismissals, now: number): Dismissals {
  const oldest = now - DISMISSAL_DAYS * 86_400_000;
  return entries.filter(([, at]) => at >= oldest && at <= now + 86_400_000).slice(-KEPT_DISMISSALS);
}

async function read(): Promise<Dismissals> {
  const stored = (await browser.storage.local.get(DISMISSED_KEY))[DISMISSED_KEY];
  if (!Array.isArray(stored)) return [];
  return stored.filter((e): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number');
}
