// Builds a minimal Outlook .msg (CFB compound file of MAPI property streams) from known content, with the
// CFB writer that ships in @kenjiuno/msgreader (Apache-2.0), so tests need no binary fixtures.
import { burn, type Entry } from '@kenjiuno/msgreader/lib/Burner.js';

export interface MsgContent {
  subject: string;
  senderName: string;
  senderAddress: string;
  body: string;
  html?: string;
  /** PR_RTF_COMPRESSED as it is stored (see compress-rtf.ts). */
  compressedRtf?: Uint8Array;
  /** Files, or Outlook items attached as items (embedded messages). */
  attachments?: ({ name: string; mimeType: string; content: Uint8Array } | { name: string; message: MsgContent })[];
}

const ROOT = 5;
const DIRECTORY = 1;
const DOCUMENT = 2;

/** A unicode string property stream (type 001F): UTF-16LE. */
function text(id: string, value: string): { name: string; data: Uint8Array } {
  return { name: `__substg1.0_${id}001F`, data: new Uint8Array(Buffer.from(value, 'utf16le')) };
}

function binary(id: string, value: Uint8Array): { name: string; data: Uint8Array } {
  return { name: `__substg1.0_${id}0102`, data: value };
}

export function buildMsg(content: MsgContent): Uint8Array {
  const entries: Entry[] = [{ name: 'Root Entry', type: ROOT, length: 0, children: [] }];
  addMessage(entries, 0, content, 32);
  return burn(entries);
}

/** The message's streams under `parent`; the top level's property header is 32 bytes, an embedded one's 24. */
function addMessage(entries: Entry[], parent: number, content: MsgContent, headerBytes: number): void {
  const add = (at: number, stream: { name: string; data: Uint8Array }) => {
    entries[at]!.children!.push(entries.length);
    entries.push({ name: stream.name, type: DOCUMENT, length: stream.data.length, binaryProvider: () => stream.data });
  };
  const folder = (at: number, name: string) => {
    entries[at]!.children!.push(entries.length);
    entries.push({ name, type: DIRECTORY, length: 0, children: [] });
    return entries.length - 1;
  };
  add(parent, { name: '__properties_version1.0', data: new Uint8Array(headerBytes) });
  add(parent, text('001A', 'IPM.Note'));
  add(parent, text('0037', content.subject));
  add(parent, text('0C1A', content.senderName));
  add(parent, text('5D01', content.senderAddress));
  add(parent, text('1000', content.body));
  if (content.html) add(parent, binary('1013', new Uint8Array(Buffer.from(content.html, 'utf8'))));
  if (content.compressedRtf) add(parent, binary('1009', content.compressedRtf));
  (content.attachments ?? []).forEach((attachment, i) => {
    const at = folder(parent, `__attach_version1.0_#${i.toString(16).toUpperCase().padStart(8, '0')}`);
    add(at, { name: '__properties_version1.0', data: new Uint8Array(8) });
    add(at, text('3707', attachment.name));
    add(at, text('3704', attachment.name));
    if ('message' in attachment) addMessage(entries, folder(at, '__substg1.0_3701000D'), attachment.message, 24);
    else {
      add(at, text('370E', attachment.mimeType));
      add(at, binary('3701', attachment.content));
    }
  });
}
