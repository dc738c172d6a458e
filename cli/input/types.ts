/** How a message's bytes are to be read: RFC 822 text, or an Outlook .msg (CFB/OLE compound file). */
export type MessageFormat = 'eml' | 'msg';

/** Where a message came from: the file (`-` for standard input), and inside an mbox its position. */
export interface MessageSource {
  file: string;
  /** Position of the message in the mbox, from 0. */
  index?: number;
  /** Byte offset of its `From ` line in the (decompressed) mbox. */
  offset?: number;
}

/** One input message: its bytes, or why it could not be read. */
export type InputMessage =
  | (MessageSource & { format: MessageFormat; bytes: Uint8Array; error?: undefined })
  | (MessageSource & { error: string });

/** Largest single message read; a bigger one becomes a per-message error instead of exhausting memory. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
