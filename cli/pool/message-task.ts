// Runs in each pool worker: message bytes → MailMessage (parse, PDF text, OCR) → what the command needs.
// Everything heavy happens here, off the thread that reads input and prints results.
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { fillAttachmentText, fillOcrText, type AttachmentTextExtractor } from '../../shared/mime/attachment-text.ts';
import type { PlanOptions } from '../../shared/ocr/plan-ocr.ts';
import { scan } from '../../shared/scan.ts';
import { messageRecord, type MessageRecord } from '../../shared/cluster/index.ts';
import { visibleParts } from '../../shared/message-parts.ts';
import { extractPhones } from '../../shared/phone/index.ts';
import type { MailMessage, NumberReputation, Policy, ReputationLookup, Verdict } from '../../shared/types.ts';
import { pdfTextExtractor } from '../pdf-text.ts';
import { cliRecogniser } from '../ocr/ocr-runner.ts';
import type { HuntTarget } from '../hunt/hunt-target.ts';
import type { MessageFormat } from '../input/types.ts';

export interface TaskInit {
  command: 'scan' | 'hunt' | 'cluster';
  policy: Policy;
  region: string;
  /** OCR where the message calls for it; absent with --no-ocr or policy ocr:false. */
  ocr?: PlanOptions;
  /** Numbers are looked up in the feeds the main thread holds. */
  reputation: boolean;
  /**
   * PDF text comes from the main thread's one extraction thread (a 'pdfText' call) instead of one per worker:
   * pdfjs is loaded and warmed up once however many workers there are.
   */
  sharedPdf?: boolean;
  targets?: HuntTarget[];
}

export interface TaskInput {
  format: MessageFormat;
  bytes: Uint8Array;
  /** How a cluster record names the message: the file, or FILE#INDEX inside an mbox. */
  name: string;
}

/** Where a hunted number sits: the part of the message, its offsets, and the text as written. */
export interface HuntHit {
  e164: string;
  raw: string;
  part: string;
  start: number;
  end: number;
  /** Why it matched: the number, the block, or a feed entry ("feed-number" / "feed-block" and the feed name). */
  match: string;
  feed?: string;
}

export interface HuntFinding {
  date: string | null;
  from: string;
  subject: string;
  hits: HuntHit[];
}

export type TaskOutput = { verdict: Verdict } | { record: MessageRecord } | { hunt: HuntFinding };

type Call = (method: string, args: unknown[]) => Promise<unknown>;

export async function createHandler(init: TaskInit, call: Call): Promise<(input: TaskInput) => Promise<TaskOutput>> {
  const reputation: ReputationLookup | undefined = init.reputation
    ? { lookup: async (e164s, now) => (await call('lookup', [e164s, now.toISOString()])) as NumberReputation[] }
    : undefined;

  const pdfText: AttachmentTextExtractor = init.sharedPdf ? async ({ content }) => (content ? ((await call('pdfText', [ownBytes(content)])) as string) : undefined) : pdfTextExtractor;

  return async (input) => {
    const message = await readMessage(input, pdfText, init.command === 'cluster' ? undefined : init.ocr);
    if (init.command === 'scan') return { verdict: await scan(message, { policy: init.policy, now: new Date(), reputation }) };
    if (init.command === 'cluster') return { record: messageRecord(input.name, message, init.region) };
    return { hunt: await hunt(message, init, reputation) };
  };
}

/** The bytes alone: a view is cloned with its whole buffer, so a view into a larger one is copied out first. */
function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

async function readMessage(input: TaskInput, pdfText: AttachmentTextExtractor, ocr: PlanOptions | undefined): Promise<MailMessage> {
  // Loaded when first needed: a worker that scans an mbox never reads an Outlook file or hunts a number.
  const bytes = input.format === 'msg' ? (await import('../input/msg-to-eml.ts')).msgToEml(input.bytes) : input.bytes;
  const message = await parseEml(bytes);
  await fillAttachmentText(message, pdfText);
  if (ocr) await fillOcrText(message, cliRecogniser, ocr);
  return message;
}

async function hunt(message: MailMessage, init: TaskInit, reputation: ReputationLookup | undefined): Promise<HuntFinding> {
  const { targetMatches } = await import('../hunt/hunt-target.ts');
  const { phones } = extractPhones(visibleParts(message), { defaultRegion: init.region });
  const hits: HuntHit[] = [];
  const where = (p: (typeof phones)[number]) => ({ e164: p.e164, raw: p.raw, part: p.part, start: p.start, end: p.end });
  for (const phone of phones) {
    const target = init.targets?.find((t) => targetMatches(t, phone.e164));
    if (target) hits.push({ ...where(phone), match: target.label });
  }
  if (reputation && phones.length) {
    const found = new Map((await reputation.lookup(phones.map((p) => p.e164), new Date())).map((r) => [r.e164, r.matches]));
    for (const phone of phones) {
      const match = found.get(phone.e164)?.find((m) => m.verdict === 'scam' && !m.expired); // live entries only
      if (match) hits.push({ ...where(phone), match: match.kind === 'block' ? 'feed-block' : 'feed-number', feed: match.feed });
    }
  }
  return { date: message.date, from: message.from?.address || message.from?.name || '', subject: message.subject, hits };
}
