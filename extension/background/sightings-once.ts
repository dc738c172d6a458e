// A message is recorded in the device's sightings once, however often it is opened or re-judged: a re-scan
// gets the same "known before" answer as the first scan, so re-opening a message never looks like a burst.
import browser from 'webextension-polyfill';
import type { MailMessage, Sighting, SightingsStore } from '../../shared/types.ts';

const SEEN_KEY = 'sightingsSeen';
const MAX_REMEMBERED = 1_000;

type Seen = Record<string, { at: number; known: Sighting[] }>;

export function sightingsOncePerMessage(store: SightingsStore, message: MailMessage): SightingsStore {
  return {
    async recordAndGet(e164s, brands, when) {
      const id = await fingerprint(message, e164s);
      const seen = ((await browser.storage.local.get(SEEN_KEY))[SEEN_KEY] ?? {}) as Seen;
      const earlier = seen[id];
      if (earlier) return earlier.known;
      const known = await store.recordAndGet(e164s, brands, when);
      seen[id] = { at: when.getTime(), known };
      const ids = Object.keys(seen);
      if (ids.length > MAX_REMEMBERED) {
        ids.sort((a, b) => seen[a]!.at - seen[b]!.at);
        for (const old of ids.slice(0, ids.length - MAX_REMEMBERED)) delete seen[old];
      }
      await browser.storage.local.set({ [SEEN_KEY]: seen });
      return known;
    },
  };
}

/** Same message, same fingerprint, whether or not its headers were read yet. Only a hash is kept. */
async function fingerprint(message: MailMessage, e164s: readonly string[]): Promise<string> {
  const basis = [message.from?.address ?? '', message.subject, message.text.slice(0, 5_000), [...e164s].sort().join(',')].join('\u0000');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(basis));
  return [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
