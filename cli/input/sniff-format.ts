/** What a stream of bytes holds, judged from its first bytes. */
export type StreamKind = 'gzip' | 'msg' | 'mbox' | 'eml';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** gzip (1f 8b), Outlook .msg (CFB signature), mbox (starts with a `From ` line), else one RFC 822 message. */
export function sniffFormat(head: Uint8Array): StreamKind {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (CFB_MAGIC.every((byte, i) => head[i] === byte)) return 'msg';
  if (head.length >= 5 && String.fromCharCode(...head.subarray(0, 5)) === 'From ') return 'mbox';
  return 'eml';
}

/** Bytes sniffFormat needs. */
export const SNIFF_BYTES = CFB_MAGIC.length;
