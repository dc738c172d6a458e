// A synthetic mbox for clustering at scale, written as a stream: one message in ten is a callback lure with
// a number from one of a few DID blocks, six in ten carry a signature number from a pool of many distinct
// numbers, the rest none. The expected campaigns follow from the counts (see expectedScamBlocks).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Real US area codes and exchanges (230-289: no N11, no 555), so every number is a valid one. */
const AREAS = [201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217, 218, 219, 224, 225, 228, 229, 231, 234, 239, 240, 248, 251, 252, 253, 254, 256, 260, 262, 267, 269, 270, 276, 281, 301, 302, 303, 304, 305, 307, 308, 309, 310, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 323, 330, 334, 336, 337, 339, 347, 351, 352, 360, 361, 385, 386, 401, 402, 404, 405, 406, 407, 408, 409, 410, 412, 413, 414, 415, 417, 419, 423, 424, 425, 430, 432, 434, 435, 440, 443, 469, 478, 479, 480, 484, 501, 502, 503, 504, 505, 507, 508, 509, 510, 512, 513, 515, 516, 517, 518, 520, 530, 540, 541, 551, 559, 561, 562, 563, 567, 570, 571, 573, 574, 575, 580, 585, 586];
/** The DID blocks of the lures: each a separate campaign. */
export const SCAM_BLOCKS = ['+1804713', '+1888441', '+1619728', '+1302556'];
const BRANDS = ['PayPal', 'Norton', 'McAfee', 'Geek Squad'];
/** Numbers used in each scam block: the last 4 digits run 1000..1000+SCAM_NUMBERS-1. */
export const SCAM_NUMBERS = 50;

export interface SyntheticOptions {
  messages: number;
  /** Distinct signature numbers; each lands in a block of its own unless the pool is larger than the blocks. */
  distinctNumbers: number;
}

/** The distinct signature number k (0-based) as E.164. */
export function signatureNumber(k: number): string {
  const area = AREAS[k % AREAS.length]!;
  const rest = Math.floor(k / AREAS.length);
  const exchange = 230 + (rest % 60);
  const line = 2000 + Math.floor(rest / 60);
  return `+1${area}${exchange}${String(line).padStart(4, '0')}`;
}

/** Which kind message i is: a lure of block b (0..3), a signature, or no number. */
function kindOf(i: number): { lure: number } | { signature: number } | undefined {
  const slot = i % 10;
  if (slot === 0) return { lure: (i / 10) % SCAM_BLOCKS.length };
  if (slot <= 6) return { signature: i };
  return undefined;
}

/** Lure messages per scam block, and numbers of that block used, for a given message count. */
export function expectedScamBlocks(messages: number): { block: string; messages: number; numbers: number }[] {
  return SCAM_BLOCKS.map((block, b) => {
    let count = 0;
    const used = new Set<number>();
    for (let i = b * 10; i < messages; i += 10 * SCAM_BLOCKS.length) {
      count++;
      used.add(lureLine(i));
    }
    return { block, messages: count, numbers: used.size };
  });
}

function lureLine(i: number): number {
  return 1000 + (Math.floor(i / (10 * SCAM_BLOCKS.length)) % SCAM_NUMBERS);
}

function pretty(e164: string): string {
  return `+1 (${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
}

function message(i: number, options: SyntheticOptions): string {
  const date = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toUTCString();
  const kind = kindOf(i);
  let from: string;
  let subject: string;
  let body: string;
  if (kind && 'lure' in kind) {
    const brand = BRANDS[kind.lure]!;
    const e164 = `${SCAM_BLOCKS[kind.lure]}${lureLine(i)}`;
    from = `billing${i % 97}@scam${kind.lure}.example`;
    subject = `Your ${brand} renewal #${i % 89}`;
    body = `Your ${brand} subscription renewed for $399.99. To cancel, call ${pretty(e164)} now.`;
  } else if (kind) {
    // The n-th signature message takes number n·7919 mod the pool: every number of the pool, spread out.
    const nth = Math.floor(kind.signature / 10) * 6 + (kind.signature % 10) - 1;
    const k = (nth * 7919) % options.distinctNumbers;
    from = `person${k}@corp.example`;
    subject = `Minutes ${i % 50}`;
    body = `Notes from today attached.\n\n--\nPerson ${k}\nPhone: ${pretty(signatureNumber(k))}`;
  } else {
    from = `friend${i % 300}@example.org`;
    subject = `Lunch ${i % 40}`;
    body = 'See you at noon.\nFrom the front door, turn left.';
  }
  return `From sender@example.net Thu Jan  1 00:00:00 2026\nFrom: ${from}\nTo: analyst@example.org\nSubject: ${subject}\nDate: ${date}\nMessage-ID: <${i}@synthetic.example>\nContent-Type: text/plain; charset=utf-8\n\n${body.replace(/^From /gm, '>From ')}\n\n`;
}

/** Writes the mbox to path, a batch of messages per write, waiting for the stream to drain. */
export async function writeSyntheticMbox(path: string, options: SyntheticOptions): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (let i = 0; i < options.messages; ) {
    let batch = '';
    for (const end = Math.min(options.messages, i + 500); i < end; i++) batch += message(i, options);
    bytes += batch.length;
    if (!out.write(batch)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
