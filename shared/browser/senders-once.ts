// A message is recorded among the device's familiar senders once, however often it is opened: re-opening a
// scam on three days must not make its sender "familiar". The check and the record are one IndexedDB
// transaction (IdbSendersStore.recordOnce). Only a hash of the message is kept.
import type { MailMessage, SenderHistory, SendersStore } from '../types.ts';

export interface OncePerMessageSenders {
  recordOnce(messageId: string, keys: readonly string[], when: Date): Promise<SenderHistory[]>;
}

export function sendersOncePerMessage(store: OncePerMessageSenders, message: MailMessage): SendersStore {
  return {
    async recordAndGet(keys, when) {
      return store.recordOnce(await fingerprint(message), keys, when);
    },
  };
}

async function fingerprint(message: MailMessage): Promise<string> {
  const basis = ['senders', message.from?.address ?? '', message.subject, message.text.slice(0, 5_000)].join('\u0000');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(basis));
  return [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
