/**
 * Familiar senders: who this mailbox has had mail from, and on how many days, remembered on the device only.
 *   MemorySendersStore (implements SendersStore) for the CLI and tests; the IndexedDB store is in shared/browser;
 *   senderKeys(message) — the keys a sender is remembered by; familiarity(known, now) — the evidence;
 *   recordSender / pruneSender / dayOf — pure updates any store can apply; SENDER_RULES.
 */
export { MemorySendersStore } from './memory-store.ts';
export { senderKeys } from './sender-keys.ts';
export { familiarity, type Familiarity } from './familiar-sender.ts';
export { recordSender, pruneSender, dayOf } from './record-sender.ts';
export { SENDER_RULES } from './rules.ts';
