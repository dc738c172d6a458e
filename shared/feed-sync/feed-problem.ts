// Why a scam list's update failed, as a Note for the reader (a catalogue sentence) with what the server,
// the parser or the signature check said as the technical detail. Stored with the feed's status.
import type { Note } from '../i18n/note.ts';

const SENTENCES = {
  server: 'feedProblemServer',
  download: 'feedProblemDownload',
  timeout: 'feedProblemTimeout',
  tooLarge: 'feedProblemTooLarge',
  unreadable: 'feedProblemUnreadable',
  empty: 'feedProblemEmpty',
  key: 'feedProblemKey',
  signature: 'feedProblemSignature',
  bundled: 'feedProblemBundled',
  update: 'feedProblemUpdate',
} as const;

export type FeedProblemKind = keyof typeof SENTENCES;

export function feedProblem(kind: FeedProblemKind, detail: string): Note {
  return { key: SENTENCES[kind], detail };
}

/** A thrown error's kind: fetch errors carry `kind`, the feed parser names itself FeedParseError. */
export function feedProblemKindOf(error: unknown): FeedProblemKind {
  const err = error as { name?: string; kind?: string } | null;
  if (err?.name === 'FeedParseError') return 'unreadable';
  if (err?.kind === 'too-large') return 'tooLarge';
  if (err?.kind === 'timeout') return 'timeout';
  if (err?.kind === 'network' || err?.kind === 'truncated' || err?.kind === 'aborted') return 'download';
  return 'update';
}
