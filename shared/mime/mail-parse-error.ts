/** Thrown when input is not an e-mail message at all (empty, binary, no header block) or breaks a hard limit. */
export class MailParseError extends Error {
  override readonly name = 'MailParseError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
