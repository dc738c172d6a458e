// Builds a minimal Outlook .msg (CFB compound file of MAPI property streams) from known content, with the
// CFB writer that ships in @kenjiuno/msgreader (Apache-2.0), so tests need no binary fixtures.
import { burn, type Entry } from '@kenjiuno/msgreader/lib/Burner.js';

export interface MsgContent {
  subject: string;
  senderName: string;
  senderAddress: string;
  body: string;
  html?: string;
  attachments?: { name: string; mimeType: string; content: Uint8Array }[];
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
  const add = (parent: number, stream: { name: string; data: Uint8Array }) => {
    entries[parent]!.children!.push(entries.length);
    entries.push({ name: stream.name, type: DOCUMENT, length: stream.data.length, binaryProvider: () => stream.data });
  };
  add(0, { name: '__properties_version1.0', data: new Uint8Array(32) });
  add(0, text('001A', 'IPM.Note'));
  add(0, text('0037', content.subject));
  add(0, text('0C1A', content.senderName));
  add(0, text('5D01', content.senderAddress));
  add(0, text('1000', content.body));
  if (content.html) add(0, binary('1013', new Uint8Array(Buffer.from(content.html, 'utf8'))));
  (content.attachments ?? []).forEach((attachment, i) => {
    const folder = entries.length;
    entries[0]!.children!.push(folder);
    entries.push({ name: `__attach_version1.0_#${i.toString(16).toUpperCase().padStart(8, '0')}`, type: DIRECTORY, length: 0, children: [] });
    add(folder, { name: '__properties_version1.0', data: new Uint8Array(8) });
    add(folder, text('3707', attachment.name));
    add(folder, text('3704', attachment.name));
    add(folder, text('370E', attachment.mimeType));
    add(folder, binary('3701', attachment.content));
  });
  return burn(entries);
}
