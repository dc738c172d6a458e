/** Why a whole feed was refused (as opposed to single bad entries, which are FeedErrors in the result). */
export type FeedFailure =
  | 'too-large'
  | 'not-text'
  | 'syntax'
  | 'unknown-format'
  | 'unsupported-version'
  | 'too-many-errors'
  | 'too-many-entries';

/** Thrown by parseFeed when nothing usable can be read: callers keep their last good copy. */
export class FeedParseError extends Error {
  readonly failure: FeedFailure;

  constructor(failure: FeedFailure, message: string) {
    super(message);
    this.name = 'FeedParseError';
    this.failure = failure;
  }
}
