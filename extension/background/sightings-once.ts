// A message is recorded in the device's sightings once, however often it is opened or re-judged: a re-scan
// gets the same "known before" answer as the first scan, so re-opening a message never looks like a burst.
// The check and the record are one IndexedDB transaction (IdbSightingsStore.recordOnce): scans of a long
// conversation running at the same time cannot lose each other's entries.
import browser from 'webextension-polyfill';
import type { MailMessage, Sighting, SightingsStore } from '../../shared/types.ts';

/** Where earlier versions kept the whole map of recorded messages (in storage.local). */
const LEGACY_SEEN_KEY = 'sightingsSeen';

export interface OncePerMessageStore {
  recordOnce(messageId: string, e164s: readonly string[], brands: readonly string[], when: Date): Promise<Sighting[]>;
}

let legacyRemoved = false;

export function sightingsOncePerMessage(store: OncePerMessageStore, message: MailMessage): SightingsStore {
  if (!legacyRemoved) {
    legacyRemoved = true;
    void browser.storage.local.remove(LEGACY_SEEN_KEY).catch(() => {});
  }
  return {
    async recordAndGet(e164s, brands, when) {
      return store.recordOnce(await fingerprint(message, e164s), e164s, brands, when);
    },
  };
}

/** Same message, same fingerprint, whether or not its headers were read yet. Only a hash is kept. */
async function fingerprint(message: MailMessage, e164s: readonly string[]): Promise<string> {
  const basis = [message.from?.address ?? '', message.subject, message.text.slice(0, 5_000), [...e164s].sort().join(',')].join('\u0000');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(basis));
  return [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
